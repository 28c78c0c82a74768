// Reading a file the clerk opens: a .txt file, refusing what is not a summons and agenda as text
// before the parser sees it (too large, a Word document, or binary junk), or a PDF, whose text is
// read by readPdfFile (pdf.js, loaded only then).
import { checkPastedText } from '../../../../shared/import/agenda';

/** A summons and agenda as text is a few tens of kilobytes; the parser refuses more than 5 million characters. */
export const MAX_FILE_BYTES = 5_000_000;

export type FileRead = { text: string } | { error: string };

const sizeOf = (bytes: number): string =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;

const notText = (name: string, what: string) =>
  `“${name}” ${what}. Open it in the program that made it, copy the agenda and paste it into the box, or save it as plain text (.txt) and open that.`;

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46] as const; // %PDF

export const readTextFile = async (file: File): Promise<FileRead> => {
  if (file.size > 0 && startsWith(new Uint8Array(await file.slice(0, 4).arrayBuffer()), ...PDF_SIGNATURE)) {
    try {
      const { readPdfFile } = await import('./readPdfFile');
      return await readPdfFile(file);
    } catch {
      return { error: `“${file.name}” could not be read: Chamber’s PDF reader did not start. Open the PDF, copy the agenda and paste it into the box.` };
    }
  }
  if (file.size > MAX_FILE_BYTES) {
    return {
      error: `“${file.name}” is ${sizeOf(file.size)}; a summons and agenda is far smaller, and the limit is 5 MB. Is it the right file? You can also copy just the agenda and paste it into the box.`,
    };
  }
  if (file.size === 0) return { error: `“${file.name}” is empty.` };
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04) || startsWith(head, 0xd0, 0xcf, 0x11, 0xe0)) {
    return { error: notText(file.name, 'is a Word document or another packed file, not plain text') };
  }
  let text: string;
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) {
    // Saved as "Unicode" by Windows Notepad.
    text = new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(await file.arrayBuffer());
  } else {
    text = await file.text();
    // Not UTF-8: most likely saved as "ANSI" on Windows, where £ and curly quotes are single bytes.
    if (text.includes('\uFFFD')) text = new TextDecoder('windows-1252').decode(await file.arrayBuffer());
  }
  text = text.replace(/^\uFEFF/, '');
  if (checkPastedText(text, 'agenda') !== undefined) return { error: notText(file.name, 'is not a plain text file: it contains binary data') };
  return { text };
};
