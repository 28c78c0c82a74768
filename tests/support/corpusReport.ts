// What `npm run import-report` prints for each corpus (agendas, PRESENT paragraphs): how many
// entries (items, names) came out exactly as expected, how many were flagged for the clerk to check,
// and how many were wrong (neither exact nor flagged). Goal: none wrong.
export interface CorpusReport {
  /** "Agendas (text)", "Agendas (PDF)", "PRESENT paragraphs" … */
  corpus: string;
  /** Files (agendas, paragraphs) read. */
  files: number;
  /** Entries (items, names) expected. */
  entries: number;
  exact: number;
  flagged: number;
  wrong: number;
  /** One line per entry not exact: the file, what was expected and what came out. */
  details: string[];
}
