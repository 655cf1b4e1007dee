import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';
// A table's header: each column's field name after trimming and the bundle's `columns` mapping.
// Two columns that end up with one name would let the second silently overwrite the first in
// every row, so such a table is refused, naming both columns.

export class DuplicateColumnError extends LocalizedError {}

/** Field names of `header` (index = column position), mapped by `columns`; empty titles stay empty. */
export function headerNames(header: readonly unknown[], columns: Record<string, string> | undefined): string[] {
  const names: string[] = [];
  const firstAt = new Map<string, number>();
  for (let i = 0; i < header.length; i++) {
    const title = String(header[i] ?? '').trim();
    const name = columns?.[title] ?? title;
    names[i] = name;
    if (name === '') continue;
    const first = firstAt.get(name);
    if (first !== undefined) {
      throw new DuplicateColumnError(
        localized(
          '第 {column} 列“{firstTitle}”和第 {column2} 列“{title}”都是字段 {name}，请删去或改名其中一列',
          'columns {column} ("{firstTitle}") and {column2} ("{title}") are both the field {name}: remove or rename one of them',
          { column: first + 1, firstTitle: String(header[first] ?? '').trim(), column2: i + 1, title, name },
        ),
      );
    }
    firstAt.set(name, i);
  }
  return names;
}
