// The admin API under `/__admin` (no auth, not rate-limited): make events happen in the account (`makeEvent`,
// one maker per kind of event-kinds.ts), inspect the state and deliveries, reset, configure, set faults.
import type http from 'node:http';
import type { Account, Shared } from './account.ts';
import { patchConfig } from './config.ts';
import { EVENT_KINDS, isEventKind, type EventKind } from './event-kinds.ts';
import { FaultError, parseFault, type Faults } from './faults.ts';
import { AdminError, readBody, send } from './http.ts';
import {
  allNumbers,
  createState,
  endCall,
  findContact,
  findEnquiry,
  iso,
  newCall,
  newStaff,
  snapshot,
  type CallRecord,
  type EnquiryOptions,
} from './state.ts';
import { CinnoxError, contactBody, type ContactBody } from './validate.ts';

export const ADMIN_PREFIX = '/__admin';

/** An admin request's JSON body (an object, `{}` when empty). */
type AdminBody = Record<string, unknown>;

/** What the admin API uses besides the account: the faults and the rate-limit log it clears on reset. */
export interface AdminParts extends Shared, Account {
  faults: Faults;
  rateLog: Map<string, number[]>;
}

/** The admin API's request handler, for the requests under ADMIN_PREFIX. */
export function createAdmin({ config, state, hooks, log, faults, rateLog, world, staffById }: AdminParts) {
  const latest = <T>(list: T[]): T | undefined => list[list.length - 1];
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

  /** A contact to act on: body.id, else the newest; one is created quietly when there is none. */
  function targetContact(body: AdminBody): string {
    const id = str(body.id);
    if (id) return id;
    return (
      latest(state.contacts) ??
      world.createContact({ firstName: 'Sandbox', lastName: `Contact ${state.counters.contact + 1}` }, true).record
    ).id;
  }
  /**
   * An enquiry not yet closed or missed: body.id (record id or display case number), else the newest one still
   * waiting to be picked up (`open`, A19; for closing, also an `ongoing` one), else a new one (quietly).
   */
  function targetEnquiry(body: AdminBody, unhandled: boolean): string {
    const id = str(body.id) ?? str(body.displayCaseNumber);
    if (id) return id;
    const open = state.enquiries.filter((e) => e.status === 'open' || (!unhandled && e.status === 'ongoing'));
    return (latest(open) ?? world.openEnquiry({}, true).record)._id;
  }
  function targetLabel(body: AdminBody): string {
    const id = str(body.id);
    if (id) return id;
    return (latest(state.labels) ?? world.createLabel(`Sandbox label ${state.counters.label + 1}`, '#43A047').record)
      .id;
  }
  /** A call: body.id, else the newest ongoing one (`ongoing`) or the newest ended one; a new one (quietly) when none. */
  function targetCall(body: AdminBody, ongoing: boolean): CallRecord {
    const id = str(body.id) ?? str(body.callId);
    if (id) {
      const call = state.calls.find((c) => c.callID === id);
      if (!call) throw new AdminError(404, `no call ${id}`);
      return call;
    }
    const found = latest(state.calls.filter((c) => c.ended === !ongoing));
    if (found) return found;
    const call = newCall(state, { at: Date.now() - 60_000, callee: state.staff[0]! });
    state.calls.push(call);
    if (!ongoing) endCall(call, Date.now());
    return call;
  }
  /** A staff member: body.id, else the newest; for a deletion a new one (quietly) when only the seeded three are left. */
  function targetStaff(body: AdminBody, deleting = false): string {
    const id = str(body.id);
    if (id) return id;
    if (deleting && state.staff.length <= 3) {
      const staff = newStaff(state, 'Sandbox', `Staff ${state.counters.staff + 1}`);
      state.staff.push(staff);
      return staff.id;
    }
    return latest(state.staff)!.id;
  }
  /** A validated §3.2 body for admin writes: CINNOX's rules, reported as admin errors. */
  function adminContactBody(body: unknown, create: boolean): ContactBody {
    try {
      return contactBody(body, { create });
    } catch (error) {
      if (error instanceof CinnoxError) throw new AdminError(400, error.message);
      throw error;
    }
  }

  /**
   * Each kind of sandbox/event-kinds.ts made to happen with sensible defaults (the body may name the record and
   * values). Typed by the table: a kind added there without its maker here does not type-check.
   */
  const makeEvent: Record<EventKind, (body: AdminBody) => object> = {
    'contact.created': (body) => {
      const { id: _id, ...fields } = body;
      const values =
        Object.keys(fields).length > 0
          ? fields
          : {
              firstName: 'Sandbox',
              lastName: `Contact ${state.counters.contact + 1}`,
              phones: [{ type: 'Mobile', phone: '+85291234567' }],
            };
      return world.createContact(adminContactBody(values, true));
    },
    'contact.edited': (body) => {
      const id = targetContact(body);
      const { id: _id, ...fields } = body;
      const values = Object.keys(fields).length > 0 ? fields : { jobTitle: `Edited ${iso(Date.now())}` };
      const result = world.editContact(id, adminContactBody(values, false));
      if (!result) throw new AdminError(404, `no contact ${id}`);
      return result;
    },
    'contact.merged': (body) => {
      const id = targetContact(body);
      let from = str(body.from);
      if (!from) {
        const survivor = findContact(state, id);
        from = world.createContact(
          {
            firstName: survivor?.firstName || 'Sandbox',
            lastName: survivor?.lastName || 'Duplicate',
            emails: [{ type: 'Other', email: `duplicate.${state.counters.contact + 1}@example.com` }],
          },
          true,
        ).record.id;
      }
      return world.mergeContact(id, from);
    },
    'contact.transferred': (body) => {
      const id = targetContact(body);
      const contact = findContact(state, id);
      const to = str(body.toOwnerID) ?? state.staff.find((s) => s.id !== contact?.ownerId)?.id ?? state.staff[0]!.id;
      return world.transferContact(id, to);
    },
    'contact.deleted': (body) => world.deleteContact(targetContact(body)),
    'enquiry.opened': (body) => world.openEnquiry(body as EnquiryOptions),
    'enquiry.handling': (body) => world.moveEnquiry(targetEnquiry(body, true), 'handling', str(body.staffId)),
    'enquiry.closed': (body) => world.moveEnquiry(targetEnquiry(body, false), 'closed'),
    'enquiry.missed': (body) => world.moveEnquiry(targetEnquiry(body, true), 'missed'),
    'sms.receipt': (body) => {
      let transactionID = str(body.transactionID);
      if (!transactionID) {
        const sender = String(allNumbers(state).find((n) => n.supportSMS)?.Number);
        transactionID = world.sendSms(
          {
            senderNumber: sender,
            recipientNumbers: [str(body.recipientNumber) ?? '+85298765432'],
            text: 'Sandbox SMS',
          },
          true,
        ).records[0]!.transactionID;
      }
      const record = state.sms.find((s) => s.transactionID === transactionID);
      return world.smsReceipt(
        transactionID,
        str(body.Status) ?? str(body.status) ?? record?.receiptStatus ?? 'Delivered',
        str(body.Exception) ?? str(body.exception),
      );
    },
    'label.created': (body) =>
      world.createLabel(
        str(body.name) ?? `Sandbox label ${state.counters.label + 1}`,
        str(body.colorCode) ?? '#43A047',
      ),
    'label.edited': (body) => {
      const id = targetLabel(body);
      const changes =
        body.name === undefined && body.colorCode === undefined
          ? { name: `Edited label ${state.counters.label}`, colorCode: '#FB8C00' }
          : body;
      return world.editLabel(id, changes);
    },
    'label.deleted': (body) => world.deleteLabel(targetLabel(body)),
    'sms.inbound': (body) =>
      world.receiveSms(
        str(body.senderNumber) ?? '+85298765432',
        str(body.recipientNumber) ?? state.numbers['access-numbers'][0]!.Number,
        str(body.content) ?? 'YES, please call me back tomorrow morning.',
      ),
    'call.started': (body) => {
      const callee = staffById(str(body.staffId) ?? state.staff[1]?.id ?? state.staff[0]!.id);
      if (!callee) throw new AdminError(400, `no staff ${body.staffId}`);
      return world.startCall(callee, str(body.callerNumber));
    },
    'call.ended': (body) => world.endCall(targetCall(body, true)),
    'recording.ready': (body) => world.recording(targetCall(body, false), 'success'),
    'recording.failed': (body) => world.recording(targetCall(body, false), 'fail'),
    'staff.created': (body) =>
      world.createStaff(str(body.firstName) ?? 'Sandbox', str(body.lastName) ?? `Staff ${state.counters.staff + 1}`),
    'staff.edited': (body) => world.editStaff(targetStaff(body), { jobTitle: str(body.jobTitle) }),
    'staff.deleted': (body) => world.deleteStaff(targetStaff(body, true)),
  };

  type AdminRoute = [method: string, path: RegExp, handler: (body: AdminBody, params: string[], url: URL) => unknown];
  const admin: AdminRoute[] = [
    // Faults on demand (sandbox/faults.ts): list, set one ({"fault": "POST /sms=reset*1"}), clear them all.
    ['GET', /^\/faults$/, () => ({ faults: faults.list() })],
    [
      'POST',
      /^\/faults$/,
      (body) => {
        try {
          faults.set(parseFault(String(body.fault ?? '')));
        } catch (error) {
          if (error instanceof FaultError) throw new AdminError(400, error.message);
          throw error;
        }
        return { faults: faults.list() };
      },
    ],
    [
      'DELETE',
      /^\/faults$/,
      () => {
        faults.clear();
        return { faults: [] };
      },
    ],
    ['GET', /^\/state$/, () => ({ config: { ...config }, ...snapshot(state) })],
    [
      'POST',
      /^\/reset$/,
      () => {
        hooks.cancelAll();
        rateLog.clear();
        Object.assign(state, createState({ serviceId: config.serviceId, appId: config.appId }));
        log('reset');
        return { ok: true };
      },
    ],
    ['GET', /^\/config$/, () => ({ ...config })],
    [
      'POST',
      /^\/config$/,
      (body) => {
        try {
          patchConfig(config, body);
        } catch (error) {
          throw new AdminError(400, (error as Error).message);
        }
        return { ...config };
      },
    ],
    ['GET', /^\/events$/, () => ({ kinds: EVENT_KINDS, events: state.events })],
    [
      'POST',
      /^\/events\/([a-z]+\.[a-z]+)$/,
      (body, [kind]) => {
        if (!kind || !isEventKind(kind))
          throw new AdminError(404, `unknown event kind ${kind} (kinds: ${EVENT_KINDS.join(', ')})`);
        return { ok: true, kind, ...makeEvent[kind](body) };
      },
    ],
    [
      'GET',
      /^\/deliveries$/,
      (_body, _params, url) => {
        const q = url.searchParams;
        return state.deliveries.filter((d) =>
          (['subscription', 'event', 'status', 'eventId'] as const).every((k) => !q.get(k) || d[k] === q.get(k)),
        );
      },
    ],
    ['POST', /^\/contacts$/, (body) => makeEvent['contact.created'](body)],
    ['PATCH', /^\/contacts\/([^/]+)$/, (body, [id]) => makeEvent['contact.edited']({ ...body, id })],
    ['DELETE', /^\/contacts\/([^/]+)$/, (_body, [id]) => world.deleteContact(id!)],
    ['POST', /^\/contacts\/([^/]+)\/merge$/, (body, [id]) => makeEvent['contact.merged']({ ...body, id })],
    ['POST', /^\/contacts\/([^/]+)\/transfer$/, (body, [id]) => makeEvent['contact.transferred']({ ...body, id })],
    ['POST', /^\/enquiries$/, (body) => world.openEnquiry(body as EnquiryOptions)],
    [
      'POST',
      /^\/enquiries\/([^/]+)\/(handle|close|miss)$/,
      (body, [id, action]) =>
        world.moveEnquiry(
          id!,
          action === 'handle' ? 'handling' : action === 'close' ? 'closed' : 'missed',
          str(body.staffId),
        ),
    ],
    [
      'POST',
      /^\/enquiries\/([^/]+)\/chat$/,
      (body, [id]) => {
        // how many chat messages the enquiry has (over CHAT_LOG_MAX_MESSAGES: 6451013).
        const enquiry = findEnquiry(state, id!);
        if (!enquiry) throw new AdminError(404, `no enquiry ${id}`);
        const n = Number(body.messages);
        if (!Number.isInteger(n) || n < 0) throw new AdminError(400, 'messages must be a whole number');
        state.chatLength[enquiry._id] = n;
        return { ok: true, enquiry: enquiry._id, messages: n };
      },
    ],
    ['POST', /^\/labels$/, (body) => makeEvent['label.created'](body)],
    ['PATCH', /^\/labels\/([^/]+)$/, (body, [id]) => makeEvent['label.edited']({ ...body, id })],
    ['DELETE', /^\/labels\/([^/]+)$/, (_body, [id]) => world.deleteLabel(id!)],
    [
      'POST',
      /^\/sms\/([^/]+)\/receipt$/,
      (body, [transactionID]) => makeEvent['sms.receipt']({ ...body, transactionID }),
    ],
  ];

  async function handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname.slice(ADMIN_PREFIX.length) || '/';
    try {
      const { json } = await readBody(req);
      if (typeof json === 'symbol') throw new AdminError(400, 'the request body is not JSON');
      if (json !== undefined && (typeof json !== 'object' || json === null || Array.isArray(json)))
        throw new AdminError(400, 'the request body must be a JSON object');
      let pathMatched = false;
      for (const [m, pattern, handler] of admin) {
        const match = pattern.exec(path);
        if (!match) continue;
        pathMatched = true;
        if (m !== method) continue;
        const result = await handler(
          (json ?? {}) as AdminBody,
          match.slice(1).map((p) => decodeURIComponent(p)),
          url,
        );
        send(res, 200, result);
        return;
      }
      throw new AdminError(pathMatched ? 405 : 404, `no admin route ${method} ${url.pathname}`);
    } catch (error) {
      if (error instanceof AdminError) send(res, error.status, { error: error.message });
      else if (error instanceof CinnoxError) send(res, 400, { error: error.message });
      else {
        log(`admin error: ${(error as Error).stack}`);
        send(res, 500, { error: String((error as Error).message) });
      }
    }
  }

  return handleAdmin;
}
