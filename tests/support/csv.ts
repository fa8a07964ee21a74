/** A CSV reader for the site tests, written here from RFC 4180 (not the site's own writer, which it checks). */

/** RFC 4180: records separated by CRLF, fields by commas; a quoted field may hold commas, CRLF and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), (i += 1);
      else (field += c), (i += 1);
    } else if (c === '"' && field === '') (quoted = true), (i += 1);
    else if (c === ',') row.push(field), (field = ''), (i += 1);
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else (field += c), (i += 1);
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}
