/**
 * The one CINNOX client: every CINNOX call in the app goes through `cinnoxRequest` (and so through
 * `z.request`, Zapier's logging, the token middleware and the error mapping).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { BaseUrlError, normalizeBaseUrl, type CinnoxEndpoint } from './base-url';
import {
  CONTACT_CREATE_PATH,
  CONTACT_ID_PARAM,
  CONTACT_LIST_PATH,
  CONTACT_NAME_PARAM,
  ENQUIRY_CASE_NUMBER_PARAM,
  ENQUIRY_DETAIL_PATH,
  EVENT_HOOK_LIST_PATH,
  LABEL_LIST_PATH,
  LIST_ENVELOPE_KEYS,
  LIST_PAGE_MAX,
  MESSAGE_PUSH_PATH,
  REPORT_WINDOW_DAYS,
  SEND_SMS_PATH,
  SMS_DETAIL_PATH,
  STAFF_LIST_PATH,
  contactUpdatePath,
  numberListPath,
  subscriptionPath,
  type ContactBody,
  type ContactRecord,
  type ContactWriteResult,
  type EnquiryRecord,
  type EventHookRecord,
  type LabelRecord,
  type MessagePushBody,
  type MessagePushResult,
  type NumberRecord,
  type NumberType,
  type SendSmsBody,
  type SendSmsRecipientResult,
  type SmsDetailRecord,
  type StaffRecord,
  type SubscriptionName,
  type SubscriptionResult,
} from './contract';
import { CINNOX_CODES, isNotFound, reached, toZapierError } from './errors';

type AuthData = Bundle['authData'];
/** What a CINNOX call needs of a bundle: the connection's credentials. */
export type AuthBundle = Pick<Bundle, 'authData'>;
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Params = Record<string, string | number | undefined>;

export interface CinnoxCall {
  method: HttpMethod;
  path: string;
  params?: Params;
  body?: unknown;
  /** Leave a non-2xx response to the caller (the middleware maps nothing, core throws nothing). */
  skipThrowForStatus?: boolean;
}

export interface CinnoxResponse<T> {
  status: number;
  data: T;
  content: string;
  retryAfter: string | null;
}

/** The connection's endpoint; a bad Base URL or App ID throws a user-facing error before any request. */
export function endpointOf(z: Pick<ZObject, 'errors'>, authData: AuthData): CinnoxEndpoint {
  try {
    return normalizeBaseUrl(authData.baseUrl, authData.appId);
  } catch (error) {
    if (error instanceof BaseUrlError) throw new z.errors.Error(error.message, 'InvalidBaseUrl', 400);
    throw error;
  }
}

function parseContent(content: string): unknown {
  if (!content) return {};
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

export async function cinnoxRequest<T>(z: ZObject, bundle: AuthBundle, call: CinnoxCall): Promise<CinnoxResponse<T>> {
  const { apiRoot, host } = endpointOf(z, bundle.authData);
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(call.params ?? {})) {
    if (value !== undefined && value !== '') params[key] = String(value);
  }
  const request = z.request({
    url: `${apiRoot}${call.path}`,
    method: call.method,
    params,
    ...(call.body === undefined ? {} : { body: call.body as Record<string, unknown> }),
    skipThrowForStatus: call.skipThrowForStatus ?? false,
  });
  // A request that got no answer (DNS, refused, TLS, timeout, reset) names the Base URL's host.
  const response = await reached(z, host, request);
  return {
    status: response.status,
    data: parseContent(response.content) as T,
    content: response.content,
    retryAfter: response.headers.get('retry-after'),
  };
}

/** Records of a list response, whatever envelope CINNOX used (assumption A15). */
export function listRecords<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    for (const key of LIST_ENVELOPE_KEYS) {
      const value = record[key];
      if (Array.isArray(value)) return value as T[];
      if (value && typeof value === 'object') {
        const nested = listRecords<T>(value);
        if (nested.length > 0) return nested;
      }
    }
  }
  return [];
}

/** A list read where "No records found" (6451011) means an empty list. */
async function list<T>(z: ZObject, bundle: AuthBundle, path: string, params: Params): Promise<T[]> {
  try {
    const { data } = await cinnoxRequest<unknown>(z, bundle, { method: 'GET', path, params });
    return listRecords<T>(data);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** Reads every page of a list endpoint (500 a request), stopping at a short page or `max` records. */
async function listAll<T>(z: ZObject, bundle: AuthBundle, path: string, params: Params, max = 10_000): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; offset < max; offset += LIST_PAGE_MAX) {
    const page = await list<T>(z, bundle, path, { ...params, offset, limit: LIST_PAGE_MAX });
    all.push(...page);
    if (page.length < LIST_PAGE_MAX) break;
  }
  return all.slice(0, max);
}

function reportWindow(now = new Date()): Params {
  const start = new Date(now.getTime() - REPORT_WINDOW_DAYS * 24 * 3600 * 1000);
  return { startAt: start.toISOString(), endAt: now.toISOString() };
}

export const cinnox = {
  /** The auth test: one cheap authenticated read. */
  testConnection: (z: ZObject, bundle: AuthBundle) =>
    cinnoxRequest<unknown>(z, bundle, { method: 'GET', path: STAFF_LIST_PATH, params: { offset: 0, limit: 1 } }),

  listStaffPage: (z: ZObject, bundle: AuthBundle, offset: number, limit = LIST_PAGE_MAX) =>
    list<StaffRecord>(z, bundle, STAFF_LIST_PATH, { offset, limit }),

  listContacts: (z: ZObject, bundle: AuthBundle, params: { offset?: number; limit?: number } = {}) =>
    list<ContactRecord>(z, bundle, CONTACT_LIST_PATH, { offset: params.offset ?? 0, limit: params.limit ?? 50 }),
  findContactsByName: (z: ZObject, bundle: AuthBundle, fullName: string) =>
    list<ContactRecord>(z, bundle, CONTACT_LIST_PATH, {
      [CONTACT_NAME_PARAM]: fullName,
      offset: 0,
      limit: LIST_PAGE_MAX,
    }),
  getContact: async (z: ZObject, bundle: AuthBundle, id: string): Promise<ContactRecord | undefined> => {
    const found = await list<ContactRecord>(z, bundle, CONTACT_LIST_PATH, {
      [CONTACT_ID_PARAM]: id,
      offset: 0,
      limit: 1,
    });
    return found.find((c) => c.id === id) ?? found[0];
  },
  createContact: async (z: ZObject, bundle: AuthBundle, body: ContactBody) =>
    (await cinnoxRequest<ContactWriteResult>(z, bundle, { method: 'POST', path: CONTACT_CREATE_PATH, body })).data,
  updateContact: async (z: ZObject, bundle: AuthBundle, id: string, body: ContactBody) =>
    (await cinnoxRequest<ContactWriteResult>(z, bundle, { method: 'PUT', path: contactUpdatePath(id), body })).data,

  listLabels: (z: ZObject, bundle: AuthBundle, limit = 50) =>
    list<LabelRecord>(z, bundle, LABEL_LIST_PATH, { offset: 0, limit }),

  findEnquiries: (z: ZObject, bundle: AuthBundle, displayCaseNumber: string) =>
    list<EnquiryRecord>(z, bundle, ENQUIRY_DETAIL_PATH, { [ENQUIRY_CASE_NUMBER_PARAM]: displayCaseNumber }),
  recentEnquiries: (z: ZObject, bundle: AuthBundle, limit = 3) =>
    list<EnquiryRecord>(z, bundle, ENQUIRY_DETAIL_PATH, { ...reportWindow(), offset: 0, limit }),
  recentSmsDetails: (z: ZObject, bundle: AuthBundle, limit = 3) =>
    list<SmsDetailRecord>(z, bundle, SMS_DETAIL_PATH, { ...reportWindow(), offset: 0, limit }),

  listNumbersPage: (z: ZObject, bundle: AuthBundle, type: NumberType, offset: number, limit = LIST_PAGE_MAX) =>
    list<NumberRecord>(z, bundle, numberListPath(type), { offset, limit }),
  listAllNumbers: (z: ZObject, bundle: AuthBundle, type: NumberType) =>
    listAll<NumberRecord>(z, bundle, numberListPath(type), {}),

  sendSms: async (z: ZObject, bundle: AuthBundle, body: SendSmsBody) => {
    const { data } = await cinnoxRequest<unknown>(z, bundle, { method: 'POST', path: SEND_SMS_PATH, body });
    return { raw: data, recipients: listRecords<SendSmsRecipientResult>(data) };
  },
  pushMessage: async (z: ZObject, bundle: AuthBundle, body: MessagePushBody) =>
    (await cinnoxRequest<MessagePushResult>(z, bundle, { method: 'POST', path: MESSAGE_PUSH_PATH, body })).data,

  setSubscription: async (z: ZObject, bundle: AuthBundle, name: SubscriptionName, enabled: boolean, url: string) =>
    (
      await cinnoxRequest<SubscriptionResult>(z, bundle, {
        method: 'PATCH',
        path: subscriptionPath(name),
        body: { enabled, url },
      })
    ).data,

  /**
   * The current subscriptions (assumption A13), or `undefined` when CINNOX cannot list them
   * (404 or 6450001 method not found).
   */
  listEventHooks: async (z: ZObject, bundle: AuthBundle): Promise<EventHookRecord[] | undefined> => {
    const response = await cinnoxRequest<unknown>(z, bundle, {
      method: 'GET',
      path: EVENT_HOOK_LIST_PATH,
      skipThrowForStatus: true,
    });
    const code = Number((response.data as { code?: unknown } | undefined)?.code);
    if (response.status === 404 || response.status === 405 || code === CINNOX_CODES.methodNotFound) return undefined;
    // Anything else (bad token, rate limit, CINNOX down) is mapped as usual.
    const error = toZapierError(z, { ...response, method: 'GET' });
    if (error) throw error;
    return listRecords<EventHookRecord>(response.data);
  },
};
