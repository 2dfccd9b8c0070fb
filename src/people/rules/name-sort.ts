/**
 * The sort key of a person's name, for lists in pinyin order (as Chinese offices sort a roster):
 * each Chinese character becomes its pinyin syllable with the tone number (ü written v, a
 * surname read as a surname: 单 shan, 曾 zeng), followed by a space; Latin letters and digits are
 * kept in lower case; other characters (the middle dot of 阿依古丽·买买提, spaces) are left out.
 *
 *   刘海涛 → "liu2 hai3 tao1"   李娜 → "li3 na4"   林 → "lin2"
 *
 * Compared as plain strings, keys order names syllable by syllable, then by tone, and a shorter
 * name before a longer one that starts with it (李 before 李娜, 李娜 before 林). Keys hold only
 * [a-z0-9 ] and never end with a space, so SQLite's binary order and MariaDB's collations agree.
 * Homophones (刘海涛 and another 刘海涛, or 柳海涛 in another tone) are told apart by the list's
 * tie-break (the id).
 */
import { pinyin } from 'pinyin-pro';

/** Length of the stored key (persons.name_sort); a longer key is cut, ties fall to the id. */
export const NAME_SORT_LENGTH = 200;

const HAN_SYLLABLE = /^[a-z]+[0-5]$/;
const ALNUM = /^[A-Za-z0-9]$/;

export function nameSortKey(name: string): string {
  const chars = [...name];
  const syllables = pinyin(name, { toneType: 'num', type: 'array', surname: 'head', v: true });
  // One item per character; anything else would misalign, and then characters are taken alone.
  const aligned = syllables.length === chars.length;
  let key = '';
  chars.forEach((ch, i) => {
    const s = aligned ? syllables[i] : pinyin(ch, { toneType: 'num', v: true });
    if (ALNUM.test(ch)) key += ch.toLowerCase();
    else if (HAN_SYLLABLE.test(s) && s !== ch) key += ` ${s} `;
    else key += ' ';
  });
  return key.replace(/\s+/g, ' ').trim().slice(0, NAME_SORT_LENGTH).trimEnd();
}
