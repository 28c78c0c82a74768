// The minutes as a Word document (.docx), laid out in the house style from the same printed lines
// as the HTML and text exports: Heading 1 for the MINUTES heading, Heading 2 for the section
// ("UNRESTRICTED ITEMS"), Heading 3 for each minute; numbered paragraphs "(1)" with a hanging
// indent; quotations indented; recorded votes as "For (64)" in bold, the names, …, the outcome in
// italic. A4, UK English. Runs in a Web Worker and in Node (tests): Packer.toArrayBuffer works in both.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Tab, TextRun, convertMillimetersToTwip, type IParagraphOptions } from 'docx';
import type { MinutesDocument } from '../../../shared/minutes/model';
import { layoutMinutes, type PrintedBlock, type PrintedLine } from '../../../shared/minutes/printedLayout';

/** The hanging indent of a numbered paragraph, and the indent of a quotation: 1.27 cm, Word's half inch. */
const INDENT = convertMillimetersToTwip(12.7);
const FONT = 'Arial';
const BLACK = '000000';
/** A4 in twentieths of a point, as Word writes it (210 × 297 mm). */
const A4 = { width: 11906, height: 16838 };

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph =>
  new Paragraph({ heading: level, keepNext: true, children: [new TextRun(text)] });

const lineParagraph = (line: PrintedLine, kind: PrintedBlock['kind'], continued: boolean): Paragraph => {
  const quoted = kind === 'quotation' && line.role === 'text';
  const runs: TextRun[] = [];
  if (line.number) runs.push(new TextRun({ children: [line.number, new Tab()] }));
  if (line.inlineLabel) runs.push(new TextRun({ text: `${line.inlineLabel} `, bold: true }));
  runs.push(
    new TextRun({
      text: line.text,
      bold: line.role === 'label' || line.role === 'voteWay' || kind === 'subheading',
      italics: line.role === 'voteOutcome' || kind === 'subheading',
    }),
  );
  // A numbered paragraph hangs its number in the margin of its text; the lines after its first,
  // and a quotation, stand where that text does (a numbered quotation one indent further in).
  const left = (line.number || continued ? INDENT : 0) + (quoted ? INDENT : 0);
  const options: IParagraphOptions = {
    children: runs,
    alignment: AlignmentType.LEFT,
    keepNext: line.role === 'label' || line.role === 'voteWay',
    ...(left > 0 ? { indent: { left, ...(line.number ? { hanging: INDENT } : {}) } } : {}),
  };
  return new Paragraph(options);
};

const blockParagraphs = (block: PrintedBlock): Paragraph[] => {
  const numbered = block.lines.some((line) => line.number);
  return block.lines.map((line, i) => lineParagraph(line, block.kind, numbered && i > 0 && !line.number));
};

/**
 * The .docx file's bytes. onProgress is told (done, total) as each minute is laid out and once
 * more when the file is packed: total is the number of minutes plus two (the front, the packing).
 */
export const minutesToDocx = async (doc: MinutesDocument, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> => {
  const printed = layoutMinutes(doc);
  const total = printed.minutes.length + 2;
  let done = 0;
  const step = () => onProgress?.(++done, total);

  const children: Paragraph[] = [];
  if (printed.heading) children.push(heading(printed.heading, HeadingLevel.HEADING_1));
  for (const block of printed.front) children.push(...blockParagraphs(block));
  if (printed.sectionHeading) children.push(heading(printed.sectionHeading, HeadingLevel.HEADING_2));
  step();
  for (const minute of printed.minutes) {
    if (minute.heading) children.push(heading(minute.heading, HeadingLevel.HEADING_3));
    for (const block of minute.blocks) children.push(...blockParagraphs(block));
    step();
  }

  const headingStyle = (size: number) => ({ run: { font: FONT, size, bold: true, color: BLACK }, paragraph: { spacing: { before: 240, after: 120 } } });
  const document = new Document({
    title: printed.heading,
    creator: 'Chamber',
    description: doc.record === 'confidential' ? 'Confidential record of the exempt items' : 'Minutes',
    styles: {
      default: {
        document: { run: { font: FONT, size: 24, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 120 } } },
        heading1: headingStyle(26),
        heading2: headingStyle(24),
        heading3: headingStyle(24),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: convertMillimetersToTwip(25), bottom: convertMillimetersToTwip(25), left: convertMillimetersToTwip(25), right: convertMillimetersToTwip(20) },
          },
        },
        children,
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
  step();
  return bytes;
};
