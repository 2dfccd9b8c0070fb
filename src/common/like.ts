/**
 * A "contains" filter for LIKE that takes the searched text literally: `%` and `_` (and the
 * escape character itself) are escaped. The escape character is `!` because a backslash is
 * not portable: MySQL reads `'\'` as an unterminated string, SQLite wants exactly one character.
 */
const ESCAPE = '!';

/** `column LIKE :param` true where the column holds `text` (in NFC, as names are stored). */
export function likeContains(column: string, param: string, text: string): [string, Record<string, string>] {
  const escaped = text.normalize('NFC').replace(/[!%_]/g, (c) => ESCAPE + c);
  return [`${column} LIKE :${param} ESCAPE '${ESCAPE}'`, { [param]: `%${escaped}%` }];
}
