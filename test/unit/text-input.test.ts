import { AppError } from '../../src/common/errors';
import { likeContains } from '../../src/common/like';
import { optionalName, optionalText, requiredName, requiredText } from '../../src/common/validate';

/** What a name and a longer text may hold, and the literal LIKE pattern of a search. */
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? { code: e.code, field: e.field, en: e.text.en } : e;
  }
  return 'accepted';
};

describe('names', () => {
  test.each([
    ['NUL', 'a\u0000b'],
    ['a line feed', '张\n伟'],
    ['a tab', '张\t伟'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', '张\u202e伟'],
    ['a left-to-right isolate', '张\u2066伟'],
    ['a zero-width space', '张\u200b伟'],
    ['a zero-width joiner', '张\u200d伟'],
    ['a soft hyphen', 'ab\u00adc'],
    ['a word joiner', 'a\u2060b'],
    ['a line separator', 'a\u2028b'],
    ['a lone high surrogate', '张\ud800'],
    ['a lone low surrogate', '\udc00伟'],
  ])('%s is refused, naming the field', (_, value) => {
    expect(refusal(() => requiredName(value, 'name', 100))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(refusal(() => optionalName(value, 'system', 100))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'system' });
  });

  test.each([
    ['Chinese', '欧阳娜娜'],
    ['a middle dot and Latin letters', '阿依古丽·买买提'],
    ['digits and punctuation', '第3巡察组（财经）'],
    ['an ideographic space inside', '中\u3000文'],
    ['a character outside the BMP', '𠀀𪚥'],
    ['letters with accents', 'José Müller'],
  ])('%s is accepted as it is', (_, value) => {
    expect(requiredName(value, 'name', 100)).toBe(value);
  });

  test('a name is trimmed and stored in NFC', () => {
    expect(requiredName('  Jose\u0301 ', 'name', 100)).toBe('José');
    expect(requiredName('\u212b', 'name', 100)).toBe('\u00c5');
    expect(optionalName('  ', 'system', 100)).toBeNull();
  });

  test('length is counted after NFC', () => {
    expect(requiredName('e\u0301'.repeat(3), 'name', 3)).toBe('é'.repeat(3));
    expect(refusal(() => requiredName('é'.repeat(4), 'name', 3))).toMatchObject({ field: 'name', en: 'name must be at most 3 characters' });
  });
});

describe('longer text', () => {
  test('newlines and tabs are kept (a CRLF as LF), NFC applied', () => {
    expect(requiredText('第一行\r\n第二行\n\t缩进 Jose\u0301', 'reason', 500)).toBe('第一行\n第二行\n\t缩进 José');
  });

  test('format characters (e.g. a joiner in an emoji) are allowed in text', () => {
    expect(optionalText('👨\u200d👩\u200d👧', 'comment', 100)).toBe('👨\u200d👩\u200d👧');
  });

  test.each([
    ['NUL', 'a\u0000b'],
    ['a lone CR', 'a\rb'],
    ['a bell', 'a\u0007b'],
    ['an escape', 'a\u001b[31m'],
    ['a lone surrogate', 'a\ud83d'],
  ])('%s is refused, naming the field', (_, value) => {
    expect(refusal(() => requiredText(value, 'reason', 500))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(refusal(() => optionalText(value, 'comment', 500))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
  });
});

describe('likeContains', () => {
  test('% and _ (and the escape character) are taken literally', () => {
    expect(likeContains('p.name', 'name', '100%_真!')).toEqual(["p.name LIKE :name ESCAPE '!'", { name: '%100!%!_真!!%' }]);
  });

  test('the searched text is in NFC, as stored names are', () => {
    expect(likeContains('u.name', 'n', 'Jose\u0301')[1]).toEqual({ n: '%José%' });
  });
});
