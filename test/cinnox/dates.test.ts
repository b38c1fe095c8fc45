/** The one date reader (src/cinnox/dates.ts), shared by trigger items and search results. */
import { isoDateTime } from '../../src/cinnox/dates';

describe('isoDateTime', () => {
  it.each([
    ['RFC3339 in UTC', '2024-05-31T08:15:00.000Z', '2024-05-31T08:15:00.000Z'],
    ['RFC3339 with an offset', '2024-05-31T16:15:00+08:00', '2024-05-31T08:15:00.000Z'],
    ['an offset without a colon', '2024-05-31T03:15:00-0500', '2024-05-31T08:15:00.000Z'],
    ['a lower-case z and microseconds', '2024-05-31T08:15:00.123456z', '2024-05-31T08:15:00.123Z'],
    ['a date-time without a zone (UTC)', '2024-05-31 08:15:00', '2024-05-31T08:15:00.000Z'],
    ['hours and minutes only', '2024-05-31T08:15', '2024-05-31T08:15:00.000Z'],
    ['a date only (midnight UTC)', '2024-05-31', '2024-05-31T00:00:00.000Z'],
    ['YYYY/MM/DD (midnight UTC)', '2024/05/31', '2024-05-31T00:00:00.000Z'],
    ['YYYY/MM/DD HH:mm:ss (UTC)', '2024/05/31 08:15:00', '2024-05-31T08:15:00.000Z'],
    ['epoch seconds', 1717143300, '2024-05-31T08:15:00.000Z'],
    ['epoch milliseconds', 1717143300000, '2024-05-31T08:15:00.000Z'],
    ['epoch seconds as text', ' 1717143300 ', '2024-05-31T08:15:00.000Z'],
    ['a leap day', '2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %s', (_what, value, expected) => {
    expect(isoDateTime(value)).toBe(expected);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['empty text', ''],
    ['blank text', '   '],
    ['words', 'yesterday'],
    ['another format', '31/05/2024'],
    ['a mixed separator', '2024-05/31'],
    ['a day that does not exist', '2023-02-29'],
    ['a month that does not exist', '2024/13/01'],
    ['an hour that does not exist', '2024-05-31T24:00:00Z'],
    ['a zone that does not exist', '2024-05-31T08:15:00+25:00'],
    ['text Date.parse would guess at', 'May 31 2024'],
    ['a negative number', -1],
    ['not a number', Number.NaN],
    ['an object', { date: '2024-05-31' }],
    ['a boolean', true],
  ])('gives null for %s', (_what, value) => {
    expect(isoDateTime(value)).toBeNull();
  });
});
