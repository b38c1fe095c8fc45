/**
 * SMS counting (src/messaging/sms-segments.ts on Twilio's sms-segments-calculator) against the carrier rules:
 * GSM 03.38 basic + extension tables (extension characters count two), otherwise UCS-2 (non-BMP counts two);
 * 160 / 70 in one SMS, 153 / 67 per part.
 */
import { SegmentedMessage } from 'sms-segments-calculator';
import { measureSms as measured, smsLengthIssue, smsLimitIssue, unitsFor } from '../../src/messaging/sms-segments';

/** The count of a text within the counter's ceiling (a longer one is not counted: see 'the ceiling' below). */
const measureSms = (text: string) => {
  const m = measured(text);
  if (!m) throw new Error(`not counted: ${text.length} units`);
  return m;
};
const a = (n: number) => 'a'.repeat(n);
const cjk = (n: number) => '中'.repeat(n);
const pick = (text: string) => {
  const m = measureSms(text);
  return [m.encoding, m.characters, m.parts];
};

// GSM 03.38, written out independently of the library: 127 basic characters (the 128 positions less ESC)
// and the 10 extension characters.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

describe('SMS counting: the library agrees with GSM 03.38', () => {
  it('has exactly the basic table (one unit each) and the extension table (two units each)', () => {
    expect([...GSM_BASIC]).toHaveLength(127);
    expect(pick(GSM_BASIC)).toEqual(['GSM-7', 127, 1]);
    expect(pick(GSM_EXTENSION)).toEqual(['GSM-7', 20, 1]);
    expect(measureSms(GSM_EXTENSION).extension).toEqual([...GSM_EXTENSION]);
    // Neighbours that are NOT in GSM-7 switch the whole text to UCS-2.
    for (const char of ['ê', 'ç', 'á', '’', '`', '\t', '中', '😀']) {
      expect([char, measureSms(`abc${char}`).encoding]).toEqual([char, 'UCS-2']);
    }
  });
});

describe('SMS counting: GSM-7', () => {
  it.each([
    [160, 1],
    [161, 2],
    [153 * 2, 2],
    [153 * 2 + 1, 3],
    [153 * 3, 3],
    [153 * 3 + 1, 4],
    [153 * 10, 10],
  ])('%i characters are %i part(s)', (n, parts) => {
    expect(pick(a(n))).toEqual(['GSM-7', n, parts]);
  });

  it('counts extension characters twice, at the one-SMS boundary and the part boundaries', () => {
    expect(pick(`${a(158)}€`)).toEqual(['GSM-7', 160, 1]);
    expect(pick(`${a(159)}€`)).toEqual(['GSM-7', 161, 2]);
    expect(pick(`${a(300)}{}`)).toEqual(['GSM-7', 304, 2]);
    expect(pick(`${a(302)}[]`)).toEqual(['GSM-7', 306, 2]);
    expect(pick(`${a(303)}[]`)).toEqual(['GSM-7', 307, 3]);
    expect(pick(`${a(1529)}€`)).toEqual(['GSM-7', 1531, 11]);
  });

  it('never splits an extension character between two parts (the library and carriers agree; one unit is lost)', () => {
    // 152 + "€" (2) + 152 = 306 units, which 2 × 153 would hold, but "€" cannot straddle the boundary.
    expect(pick(`${a(152)}€${a(152)}`)).toEqual(['GSM-7', 306, 3]);
    expect(pick(`${a(152)}€${a(151)}`)).toEqual(['GSM-7', 305, 2]);
  });
});

describe('SMS counting: UCS-2', () => {
  it.each([
    [70, 1],
    [71, 2],
    [67 * 2, 2],
    [67 * 2 + 1, 3],
    [67 * 3, 3],
    [67 * 3 + 1, 4],
  ])('%i CJK characters are %i part(s)', (n, parts) => {
    expect(pick(cjk(n))).toEqual(['UCS-2', n, parts]);
  });

  it('switches the whole text to UCS-2 for one non-GSM character, GSM characters then count one each', () => {
    expect(pick(`${a(69)}中`)).toEqual(['UCS-2', 70, 1]);
    expect(pick(`${a(70)}中`)).toEqual(['UCS-2', 71, 2]);
    expect(pick(`中${'{'.repeat(69)}`)).toEqual(['UCS-2', 70, 1]);
  });

  it('counts a character outside the BMP (emoji) as two (corrects the library, which counts graphemes)', () => {
    expect(pick('😀'.repeat(35))).toEqual(['UCS-2', 70, 1]);
    expect(pick('😀'.repeat(36))).toEqual(['UCS-2', 72, 2]);
    expect(pick(`${cjk(68)}😀`)).toEqual(['UCS-2', 70, 1]);
    expect(pick(`${cjk(69)}😀`)).toEqual(['UCS-2', 71, 2]);
    expect(pick(`${a(68)}😀`)).toEqual(['UCS-2', 70, 1]);
    // A skin-tone emoji is two code points, four UTF-16 units.
    expect(pick('👍🏽')).toEqual(['UCS-2', 4, 1]);
    expect(pick(`${cjk(67 * 2 - 2)}😀`)).toEqual(['UCS-2', 134, 2]);
  });

  it('is where the library disagrees: it counts UCS-2 characters as graphemes', () => {
    expect(new SegmentedMessage('👍🏽😀').numberOfCharacters).toBe(2);
    expect(measureSms('👍🏽😀').characters).toBe(6);
  });

  it('never splits a surrogate pair between two parts', () => {
    // 66 + "😀" (2) + 66 = 134 units, which 2 × 67 would hold, but "😀" cannot straddle the boundary.
    expect(pick(`${cjk(66)}😀${cjk(66)}`)).toEqual(['UCS-2', 134, 3]);
  });
});

describe('smsLimitIssue', () => {
  it('does not suggest multi-part for a text longer than multi-part allows', () => {
    expect(smsLimitIssue('Text', measureSms(`${a(1500)}${'€'.repeat(30)}`), 1, false)).toBe(
      'Text is 1560 GSM-7 characters ("€" count two), which needs 11 SMS parts; one SMS holds 160 GSM-7 characters. Shorten the text: even multi-part SMS allows at most 10 parts.',
    );
  });

  it('is silent when the text fits', () => {
    expect(smsLimitIssue('Text', measureSms(a(160)), 1, false)).toBeUndefined();
    expect(smsLimitIssue('Text', measureSms(a(306)), 2, true)).toBeUndefined();
  });

  it('states encoding, count and limit for GSM-7, naming the extension characters', () => {
    expect(smsLimitIssue('Text', measureSms(`${a(157)}{}`), 1, false)).toBe(
      'Text is 161 GSM-7 characters ("{" "}" count two), which needs 2 SMS parts; one SMS holds 160 GSM-7 characters. ' +
        'Shorten the text, or set Allow Multi-part SMS to yes to send it in 2 parts, each charged.',
    );
  });

  it('names the character that forced UCS-2, with its code point', () => {
    expect(smsLimitIssue('Text', measureSms(`It’s ${a(66)}`), 1, false)).toBe(
      'Text is 71 UCS-2 characters, which needs 2 SMS parts; one SMS holds 70 UCS-2 characters. ' +
        'It is sent as UCS-2 because "’" (U+2019) is not in the GSM-7 alphabet. ' +
        'Shorten the text, or set Allow Multi-part SMS to yes to send it in 2 parts, each charged.',
    );
    expect(smsLimitIssue('Text', measureSms(`👍🏽 ${cjk(34)}😀${a(30)}`), 1, false)).toContain(
      'It is sent as UCS-2 because "👍🏽" (U+1F44D U+1F3FD) is not in the GSM-7 alphabet (as are 2 other characters).',
    );
  });

  it('states the multi-part limit and explains a lost unit at a part boundary', () => {
    expect(smsLimitIssue('Text', measureSms(a(307)), 2, true)).toBe(
      'Text is 307 GSM-7 characters, which needs 3 SMS parts; Maximum SMS Parts is 2 (306 GSM-7 characters). Shorten the text, or raise Maximum SMS Parts (at most 10).',
    );
    expect(smsLimitIssue('Text', measureSms(`${cjk(66)}😀${cjk(66)}`), 2, true)).toBe(
      'Text is 134 UCS-2 characters, which needs 3 SMS parts; Maximum SMS Parts is 2 (134 UCS-2 characters). ' +
        'A character is never split between two SMS parts, so a part that would split one holds one character less. ' +
        'It is sent as UCS-2 because "中" (U+4E2D) is not in the GSM-7 alphabet (as is 1 other character). Shorten the text, or raise Maximum SMS Parts (at most 10).',
    );
    expect(smsLimitIssue('Text', measureSms(`${a(1529)}€`), 10, true)).toBe(
      'Text is 1531 GSM-7 characters ("€" count two), which needs 11 SMS parts; Maximum SMS Parts is 10 (1530 GSM-7 characters). Shorten the text: even multi-part SMS allows at most 10 parts.',
    );
  });

  it('counts up to what 10 parts of GSM-7 hold, 1530 UTF-16 code units, and no further: no longer text fits', () => {
    expect(measured(a(1530))).toMatchObject({ encoding: 'GSM-7', characters: 1530, parts: 10 });
    expect(measured(a(1531))).toBeUndefined();
    expect(measured(a(161), 160)).toBeUndefined();
  });

  it('words a text it did not count from its length, for one SMS and for multi-part', () => {
    expect(smsLengthIssue('Text', 1531, 1)).toBe(
      'Text is 1531 characters long, which needs more than 10 SMS parts; one SMS holds 160 GSM-7 characters. Shorten the text: even multi-part SMS allows at most 10 parts.',
    );
    expect(smsLengthIssue('Text', 200000, 4)).toBe(
      'Text is 200000 characters long, which needs more than 10 SMS parts; Maximum SMS Parts is 4 (612 GSM-7 characters). Shorten the text: even multi-part SMS allows at most 10 parts.',
    );
  });

  it('knows what n parts hold', () => {
    expect([unitsFor('GSM-7', 1), unitsFor('GSM-7', 3), unitsFor('UCS-2', 1), unitsFor('UCS-2', 3)]).toEqual([
      160, 459, 70, 201,
    ]);
  });
});
