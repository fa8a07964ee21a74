/** One CSV cell (RFC 4180): quoted where it holds a quote, comma or line break; empty for null and undefined. */
export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}
