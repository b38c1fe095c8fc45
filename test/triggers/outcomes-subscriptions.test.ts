/**
 * The outcome table of turning an instant trigger's Zap on and off (performSubscribe, performUnsubscribe), for every
 * event group: each answer CINNOX can give the Event Hook List read (A13) and the subscription's PATCH (§0.4), and
 * what the Zap builder sees: the subscribe data Zapier keeps, or the error's class, code and message. No PATCH is
 * sent where the row has none (watchUnmatched).
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith } from '../helpers/app';
import { OTHER_URL, TARGET_URL, hookTrigger } from '../helpers/hooks';
import { watchUnmatched } from '../helpers/ops';
import {
  reply,
  coded,
  expectSeen,
  page,
  readFailures,
  seenOf,
  withoutJitter,
  type Answer,
  type Seen,
} from '../helpers/outcomes';

withoutJitter();

/** One trigger of each event group: its subscription and how messages name its events. */
const GROUPS: [key: string, subscription: string, events: string][] = [
  [
    'contact_created',
    'contact-event-sub',
    'external contact events (created, edited, merged, ownership transferred, deleted)',
  ],
  ['enquiry_closed', 'inquiry-event-sub', 'enquiry events (opened, handled by staff, closed, missed)'],
  ['sms_delivery_receipt', 'outbound-sms-event-sub', 'SMS delivery receipts'],
  ['label_created', 'label-event-sub', 'label events (created, edited, deleted)'],
  ['inbound_sms_received', 'inbound-sms-event-sub', 'inbound SMS'],
  ['call_started', 'call-event-sub', 'call events (started, ended)'],
  ['recording_ready', 'recording-event-sub', 'call recording events'],
  ['staff_created', 'staff-contact-event-sub', 'staff member events (created, edited, deleted)'],
];

const HOOKS = `${API_ROOT}/event-hooks`;
const DASHBOARD = 'Administration > Service Integration > Third Party Integration > Zapier';
const unmatched = watchUnmatched();

interface Group {
  subscription: string;
  events: string;
}
interface Row {
  op: 'subscribe' | 'unsubscribe';
  inputData?: Record<string, unknown>;
  /** The Event Hook List's answer; a function of the group for a list naming its subscription. */
  list: Answer | ((g: Group) => Answer);
  /** The PATCH's answer; none: no PATCH may be sent. */
  patch?: Answer;
  seen: (g: Group) => Seen;
}

const listing =
  (url: string, enabled: unknown = true) =>
  (g: Group) => ({
    status: 200,
    body: { code: 0, result: [{ name: g.subscription, enabled, url, updatedAt: '2026-01-02T03:04:05Z' }] },
  });
const EMPTY: Answer = { status: 200, body: { code: 0, result: [] } };
const UNREADABLE: Answer = page(404);
const ENABLED: Answer = { status: 200, body: { enabled: true, url: TARGET_URL } };
const DISABLED: Answer = { status: 200, body: { enabled: false, url: TARGET_URL } };

const subscribed = (g: Group, extra: object = {}): Seen => ({
  output: { id: g.subscription, subscription: g.subscription, url: TARGET_URL, ...extra },
});
const unsubscribed = (g: Group, done: boolean): Seen => ({
  output: { subscription: g.subscription, url: TARGET_URL, unsubscribed: done },
});
const taken = (g: Group): Seen => ({
  error: 'AppError',
  code: 'CinnoxSubscriptionTaken',
  message:
    `This Zap was not turned on: another Zap already receives CINNOX ${g.events} through this CINNOX connection. ` +
    `CINNOX sends the "${g.subscription}" events of one CINNOX Zapier account to a single URL, so this Zap would take them over and the other Zap would silently stop. ` +
    `Each CINNOX Zapier account (up to 10) serves one Zap per event group: add another Zapier account in the CINNOX Dashboard (${DASHBOARD} > Add Zapier Account), connect it in Zapier, and choose that connection in this Zap. Or turn the other Zap off first. ` +
    'If no Zap of yours receives these events any more (a Zap deleted while CINNOX kept its URL), set Take Over the Subscription to Yes in this trigger and turn this Zap on again: it takes the subscription over.',
});
const expired = (tag: string): Seen => ({
  error: 'ExpiredAuthError',
  message: `CINNOX no longer accepts this connection's App Token (${tag}). The token was regenerated or this Zapier account was deleted in CINNOX (${DASHBOARD}). Reconnect your CINNOX account in Zapier with the current App ID, App Token and Base URL.`,
});
/** The read failures of the Event Hook List: CINNOX's credential answers stop; the others cannot tell. */
const LIST_FAILURES = readFailures('/event-hooks');
const CREDENTIAL = ['6452000 invalid token', '6452001 invalid App ID', 'HTTP 401 page', 'a connection reset, twice'];

const patchFailures = (op: 'subscribe' | 'unsubscribe'): [string, Row][] => {
  const failed = (what: string, patch: Answer, seen: (g: Group) => Seen): [string, Row] => [
    `${op}: the PATCH answered ${what}`,
    { op, list: UNREADABLE, patch, seen },
  ];
  return [
    failed('6451000', coded(6451000, 'Bad query'), () => ({
      error: 'AppError',
      code: 'CinnoxInvalidParameters',
      message:
        "CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: Bad query)",
    })),
    failed('6452000', coded(6452000, 'Invalid token'), () => expired('CINNOX code 6452000: Invalid token')),
    failed('an HTTP 401 page', page(401), () => expired('HTTP 401')),
    failed("a gateway's HTTP 403 page", page(403), () => ({
      error: 'AppError',
      code: 'CinnoxForbidden',
      message: /^The Base URL's host answered HTTP 403 \(forbidden\) without a CINNOX code .*the connection stays on\./,
    })),
    failed('HTTP 429 with Retry-After: 12', { status: 429, body: {}, headers: { 'Retry-After': '12' } }, () => ({
      error: 'ThrottledError',
      message: /^CINNOX's rate limit was reached \(HTTP 429; at most 500 requests a minute/,
      delay: 12,
    })),
    // A PATCH sets the same state again: Zapier may repeat it.
    failed('HTTP 500', { status: 500, body: { message: 'boom' } }, () => ({
      error: 'ThrottledError',
      message: /^CINNOX had a problem answering this request \(HTTP 500: boom\)\. Zapier will retry in \d+ seconds/,
      delay: 30,
    })),
    failed('a connection reset', { socket: 'reset' }, () => ({
      error: 'AppError',
      code: 'CinnoxWriteUnconfirmed',
      message:
        /^CINNOX got this step's request, but no answer came back \(the connection was reset before the whole answer came\), so it may or may not have been carried out\. Check the subscription in CINNOX \(turning the Zap off and on again sets it anew\) before replaying this step/,
    })),
    failed('HTTP 200 with a page (not JSON)', page(200, '<html>Welcome</html>'), () => ({
      error: 'AppError',
      code: 'CinnoxUnexpectedResponse',
      message: `CINNOX answered HTTP 200 with a body that is not JSON: "<html>Welcome</html>". Check the connection's Base URL.`,
    })),
    failed('HTTP 200 with code 5', { status: 200, body: { code: 5, message: 'partial' } }, () => ({
      error: 'AppError',
      code: 'CinnoxNotConfirmed',
      message:
        'CINNOX answered HTTP 200 but with code 5 ("partial"), which is not a success code (0), so this step failed: CINNOX did not confirm the change. Check CINNOX (was the SMS sent, the contact created or updated, the message posted, the Zap subscribed?) before replaying this step.',
    })),
  ];
};

/** The rows whose outcome depends on the event group. */
const GROUP_ROWS: [string, Row][] = [
  // Turning the Zap on.
  ['subscribe: no subscription listed', { op: 'subscribe', list: EMPTY, patch: ENABLED, seen: (g) => subscribed(g) }],
  [
    'subscribe: its own URL listed, host in upper case and without the trailing slash',
    {
      op: 'subscribe',
      list: listing('https://HOOKS.zapier.com/hooks/standard/1/abc'),
      patch: ENABLED,
      seen: (g) => subscribed(g),
    },
  ],
  [
    'subscribe: another URL listed, disabled',
    { op: 'subscribe', list: listing(OTHER_URL, 'false'), patch: ENABLED, seen: (g) => subscribed(g) },
  ],
  ['subscribe: another URL listed, enabled', { op: 'subscribe', list: listing(OTHER_URL), seen: taken }],
  [
    'subscribe: another URL listed, enabled, with Take Over the Subscription',
    {
      op: 'subscribe',
      inputData: { take_over_subscription: 'true' },
      list: listing(OTHER_URL),
      patch: ENABLED,
      seen: (g) => subscribed(g, { replaced: OTHER_URL }),
    },
  ],
  [
    'subscribe: the PATCH answered enabled "True"',
    {
      op: 'subscribe',
      list: EMPTY,
      patch: { status: 200, body: { enabled: 'True', url: TARGET_URL } },
      seen: (g) => subscribed(g),
    },
  ],
  [
    'subscribe: the PATCH answered enabled: false (A14)',
    {
      op: 'subscribe',
      list: EMPTY,
      patch: DISABLED,
      seen: (g) => ({
        error: 'AppError',
        code: 'CinnoxSubscriptionRefused',
        message: new RegExp(
          `^CINNOX did not turn on the "${g.subscription}" subscription for this Zap: it answered enabled: false\\. When subscribing, CINNOX sends a verification POST`,
        ),
      }),
    },
  ],
  [
    'subscribe: the PATCH answered code 0 without enabled',
    {
      op: 'subscribe',
      list: EMPTY,
      patch: { status: 200, body: { code: 0 } },
      seen: (g) => ({
        error: 'AppError',
        code: 'CinnoxSubscriptionUnconfirmed',
        message: `CINNOX did not turn on the "${g.subscription}" subscription for this Zap: its answer did not say enabled: true (it said nothing about enabled). The Zap was not turned on, so that it does not look on while receiving nothing. Try turning the Zap on again; if it keeps failing, report this to the app's developers with CINNOX's answer.`,
      }),
    },
  ],
  [
    'subscribe: the PATCH answered an HTTP 404 page',
    {
      op: 'subscribe',
      list: EMPTY,
      patch: page(404),
      seen: (g) => ({
        error: 'AppError',
        code: 'CinnoxHttp404',
        message: `CINNOX answered HTTP 404 for PATCH ${API_ROOT}/${g.subscription}: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers. ("<html><body><h1>404</h1></body></html>")`,
      }),
    },
  ],
  // Turning the Zap off.
  [
    'unsubscribe: its own URL listed',
    { op: 'unsubscribe', list: listing(TARGET_URL), patch: DISABLED, seen: (g) => unsubscribed(g, true) },
  ],
  [
    'unsubscribe: its own URL listed with the scheme in upper case',
    {
      op: 'unsubscribe',
      list: listing('HTTPS://hooks.zapier.com/hooks/standard/1/abc/'),
      patch: DISABLED,
      seen: (g) => unsubscribed(g, true),
    },
  ],
  [
    'unsubscribe: another URL listed: left enabled, no PATCH',
    { op: 'unsubscribe', list: listing(OTHER_URL), seen: (g) => unsubscribed(g, false) },
  ],
  [
    'unsubscribe: the Event Hook List unreadable',
    { op: 'unsubscribe', list: UNREADABLE, patch: DISABLED, seen: (g) => unsubscribed(g, true) },
  ],
  [
    'unsubscribe: the Event Hook List answered 6452000',
    {
      op: 'unsubscribe',
      list: coded(6452000, 'Invalid token'),
      seen: () => expired('CINNOX code 6452000: Invalid token'),
    },
  ],
  [
    'unsubscribe: the PATCH answered 6451011 (already gone)',
    {
      op: 'unsubscribe',
      list: UNREADABLE,
      patch: coded(6451011, 'No records found'),
      seen: (g) => unsubscribed(g, true),
    },
  ],
  [
    'unsubscribe: the PATCH answered an HTTP 404 page (already gone)',
    { op: 'unsubscribe', list: UNREADABLE, patch: page(404), seen: (g) => unsubscribed(g, true) },
  ],
];

/** The rows whose outcome is the client's reading of the answer, the same for every group. */
const SHARED_ROWS: [string, Row][] = [
  ...LIST_FAILURES.map(([what, list, seen]): [string, Row] =>
    CREDENTIAL.includes(what)
      ? [
          `subscribe: the Event Hook List answered ${what}: stops, no PATCH`,
          { op: 'subscribe', list, seen: () => seen },
        ]
      : [
          `subscribe: the Event Hook List answered ${what}: cannot tell, subscribes`,
          { op: 'subscribe', list, patch: ENABLED, seen: (g) => subscribed(g) },
        ],
  ),
  ...patchFailures('subscribe'),
  ...patchFailures('unsubscribe'),
];

/**
 * What depends on the group (its subscription, its wording, the URL compare, the PATCH's outcome) runs for every
 * group; an answer the client reads before the group matters (the generic failures of either request) runs for one
 * group each, in turn, so every row and every group is run while the file stays within the runs core allows one
 * process (zapier-platform-core's memory check).
 */
const CASES = [
  ...GROUP_ROWS.flatMap(([what, row]) => GROUPS.map((g) => [g, what, row] as const)),
  ...SHARED_ROWS.map(([what, row], i) => [GROUPS[i % GROUPS.length]!, what, row] as const),
].map(([[key, subscription, events], what, row]) => [key, what, { subscription, events }, row] as const);

it.each(CASES)('%s, %s', async (key, _what, group, row) => {
  const op = hookTrigger(key).operation;
  const list = typeof row.list === 'function' ? row.list(group) : row.list;
  reply(nock(BASE_URL).get(HOOKS), list, 'read');
  if (row.patch)
    reply(
      nock(BASE_URL).patch(`${API_ROOT}/${group.subscription}`, {
        enabled: row.op === 'subscribe',
        url: TARGET_URL,
      }),
      row.patch,
      'write',
    );
  const subscribeData = { id: group.subscription, subscription: group.subscription, url: TARGET_URL };
  const bundle = bundleWith(row.inputData ?? {}, {
    targetUrl: TARGET_URL,
    ...(row.op === 'unsubscribe' ? { subscribeData } : {}),
  } as never);
  const seen = await seenOf(() =>
    appTester(row.op === 'subscribe' ? op.performSubscribe : op.performUnsubscribe, bundle),
  );
  expectSeen(seen, row.seen(group));
  expect(unmatched.list).toEqual([]);
});
