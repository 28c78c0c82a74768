// Splitting a CSV file into cells, with papaparse; the meaning of the cells is shared/import's.
import Papa from 'papaparse';

export type CsvRead = { rows: string[][] } | { error: { message: string; line?: number } };

export const readCsv = (text: string): CsvRead => {
  if (text.length > 5_000_000) return { error: { message: 'The file is larger than 5 MB; a list of members is far smaller. Is it the right file?' } };
  if (text.includes('\u0000')) return { error: { message: 'The file is not text (it contains binary data). Save the spreadsheet as CSV and try again.' } };
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    const line = (fatal.row ?? 0) + 1;
    return { error: { line, message: `Line ${line}: a quotation mark is not closed.` } };
  }
  return { rows: result.data };
};
