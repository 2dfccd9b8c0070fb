import fc from 'fast-check';
import { NAME_SORT_LENGTH, nameSortKey } from '../../src/people/rules/name-sort';

test('a name becomes its pinyin syllables with tones; surnames are read as surnames', () => {
  expect(nameSortKey('刘海涛')).toBe('liu2 hai3 tao1');
  expect(nameSortKey('李娜')).toBe('li3 na4');
  expect(nameSortKey('单雄')).toBe('shan4 xiong2');
  expect(nameSortKey('曾国藩')).toBe('zeng1 guo2 fan1');
  expect(nameSortKey('吕布')).toBe('lv3 bu4');
  expect(nameSortKey('阿依古丽·买买提')).toBe('a1 yi1 gu3 li4 mai3 mai3 ti2');
  expect(nameSortKey('张三ABC')).toBe('zhang1 san1 abc');
});

test('keys sort names as a Chinese roster: by syllable, then tone, a shorter name first', () => {
  const names = ['张伟', '林', '李娜', '安', '柳海涛', '刘海涛', '李', '王芳', '曾国藩', '李四'];
  const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0));
  expect(sorted).toEqual(['安', '李', '李娜', '李四', '林', '刘海涛', '柳海涛', '王芳', '曾国藩', '张伟']);
});

test('keys hold only lower-case letters, digits and single inner spaces, and fit the column', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...'刘海涛李娜王芳曾单·Ab 9'), fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c))), maxLength: 120 }), (name) => {
      const key = nameSortKey(name);
      expect(key).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
      expect(key.length).toBeLessThanOrEqual(NAME_SORT_LENGTH);
    }),
  );
});
