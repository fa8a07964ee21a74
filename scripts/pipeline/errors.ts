/**
 * The one error type of the pipeline: it says where (`seeds/<file>:<line>:<col>` or a byte offset), what,
 * and what to do. The ingest runner prints `message` and exits 1; it never shows a stack for these.
 */
export class IngestError extends Error {
  override name = 'IngestError';
  /** `seeds/000_x.txt:21:48` or `content/corrections.yaml:12`. */
  readonly where: string;
  /** What is wrong, with the offending text quoted. */
  readonly what: string;
  /** What to do about it. */
  readonly hint: string | undefined;
  constructor(where: string, what: string, hint?: string) {
    super(`${where}: ${what}${hint ? `\n  hint: ${hint}` : ''}`);
    this.where = where;
    this.what = what;
    this.hint = hint;
  }
}

/** Quote a passage for an error message, shortened around `at`. */
export function quote(text: string, at = 0, width = 30): string {
  const start = Math.max(0, at - width);
  const end = Math.min(text.length, at + width);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
