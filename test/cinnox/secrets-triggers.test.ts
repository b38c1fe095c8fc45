/**
 * No secret in any message, for the triggers, hydrators and subscriptions: against a CINNOX that echoes the
 * Authorization header (test/helpers/echoing-cinnox.ts), no error message and no output holds the App Token. Each
 * scheduled trigger and drop-down runs perform with its example input; each event group's Test Trigger
 * (performList) and turning a Zap on (performSubscribe) run once per group, as its triggers share that code.
 * The connection test, actions and searches: secrets-actions.test.ts.
 */
import { examples } from '../../src/examples';
import { GROUPS } from '../../src/hooks/groups';
import { App } from '../helpers/app';
import { ANSWERS, expectNoToken } from '../helpers/echoing-cinnox';
import { hookTrigger } from '../helpers/hooks';
import { triggerPerform, type Perform } from '../helpers/ops';

const hydrators = App.hydrators as unknown as Record<string, Perform>;
/** The first instant trigger of each event group (its description names the group's events). */
const hookTriggers = Object.keys(App.triggers!).filter((key) => hookTrigger(key).operation.type === 'hook');
const firstOfEachGroup = Object.values(GROUPS).map((group) =>
  hookTriggers.find((key) => hookTrigger(key).display.description.includes(`sends ${group.events} to`))!,
);

const OPERATIONS: [string, Perform, Record<string, unknown>][] = [
  ...Object.entries(examples.triggers).map(([key, example]): [string, Perform, Record<string, unknown>] => [
    key,
    triggerPerform(key),
    example!.inputData,
  ]),
  ...firstOfEachGroup.flatMap((key): [string, Perform, Record<string, unknown>][] => [
    [`${key} performList`, hookTrigger(key).operation.performList, {}],
    [`${key} performSubscribe`, hookTrigger(key).operation.performSubscribe, {}],
  ]),
  ['the contactDetails hydrator', hydrators.contactDetails!, { contactId: 'c-100' }],
  ['the callDetails hydrator', hydrators.callDetails!, { callId: 'call-1' }],
  ['the enquiryTranscript hydrator', hydrators.enquiryTranscript!, { displayCaseNumber: '100245', enquiryID: 'e-1' }],
];

describe.each(Object.entries(ANSWERS))('a CINNOX that answers %s', (_answer, reply) => {
  it.each(OPERATIONS)('%s: neither its message nor its output holds the App Token', (_op, perform, input) =>
    expectNoToken(reply, perform, input),
  );
});
