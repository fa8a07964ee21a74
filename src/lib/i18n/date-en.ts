/**
 * A date in English, on its own (no other import): the pipeline words its notes with it too (scripts/pipeline/lexicon/dates.ts).
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2021-04-19` → `19 April 2021` (`19 Apr 2021` when `short`, for a phone's one line of key facts); `—` when unknown. */
export function dateEn(iso: string | null | undefined, short = false): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[m! - 1]!;
  return `${d} ${short ? month.slice(0, 3) : month} ${y}`;
}
