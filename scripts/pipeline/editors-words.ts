/**
 * The editors' own words about a text (why a passage was repaired, how a table was read, how a value was inferred),
 * in the language of each edition: the pipeline writes both, the document model carries both (`reason`/`reasonEn`,
 * `note`/`noteEn`), each page shows its own.
 */
export interface EditorsWords {
  zh: string;
  en: string;
}
