// PDFs made in the test with LibreOffice, and read back as the app reads them: pdf.js (its
// legacy build, which runs in Node) through the app's own mapping (renderer/.../pdfText.ts) and
// shared/import/pdfLines.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdf, type PdfRead } from '../../renderer/src/screens/agenda/pdfText';
import type { Requirement } from './skips';

const which = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;

export const libreOffice = (): Requirement => ({
  met: which('soffice'),
  reason: 'LibreOffice (soffice) is not installed; the tests make their PDFs with it (apt-get install libreoffice-writer)',
  requiredInCi: true,
});

/** Converts the files (written into dir) to PDF with one LibreOffice call; returns the PDFs' paths by file name. */
export const convertToPdf = (dir: string, files: Record<string, string>): Record<string, string> => {
  mkdirSync(dir, { recursive: true });
  const sources = Object.entries(files).map(([name, content]) => {
    writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  });
  const out = path.join(dir, 'pdf');
  // A profile of its own, so that a LibreOffice already running (or another test file) does not take the call.
  const profile = `file://${path.join(dir, 'profile')}`;
  const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...sources], {
    encoding: 'utf8',
    timeout: 50_000,
  });
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
  const pdfs = Object.fromEntries(Object.keys(files).map((name) => [name, path.join(out, name.replace(/\.[^.]+$/, '.pdf'))]));
  const missing = Object.entries(pdfs).filter(([, pdf]) => !existsSync(pdf));
  if (missing.length > 0) throw new Error(`soffice made no PDF of ${missing.map(([name]) => name).join(', ')}: ${run.stdout}${run.stderr}`);
  return pdfs;
};

/** The PDF's text as the app reads it, or its refusal. */
export const readPdfAsTheAppDoes = (file: string, timeLimitMs?: number): Promise<PdfRead> =>
  readPdf(
    path.basename(file),
    new Uint8Array(readFileSync(file)),
    (data) => getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 }),
    timeLimitMs,
  );

/**
 * A one-page PDF locked with a password (the standard security handler, RC4 40-bit), written by
 * hand: its /U entry does not match the empty password, so a reader must ask for one.
 */
export const lockedPdf = (): Buffer => {
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, index) => ((seed * 31 + index * 17) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex32(7)}> /U <${hex32(11)}> /P -4 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  const id = hex32(3).slice(0, 32);
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
};

/** How many pages the PDF has, as pdf.js counts them. */
export const pageCount = async (file: string): Promise<number> => {
  const task = getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 });
  try {
    return (await task.promise).numPages;
  } finally {
    await task.destroy();
  }
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A row of an agenda laid out as a table: the number, the title (wrapping in its column), the pages in a right-hand column. */
export interface AgendaRow {
  number: string;
  title: string;
  pages: string;
}

export interface FlatDocument {
  /** Paragraphs: a line each ("\t" moves to a right-aligned tab at the right margin), or rows of a table. */
  lines: readonly (string | AgendaRow)[];
  /** Printed at the top and bottom of every page; "#" is the page number. */
  header?: string;
  footer?: string;
  /** Page size in centimetres (wide enough by default that no line wraps). */
  width?: number;
  height?: number;
  fontSize?: number;
}

const withPageNumber = (text: string) =>
  escapeXml(text).replace('#', '<text:page-number text:select-page="current">1</text:page-number>');

/** A flat OpenDocument text (.fodt) that LibreOffice converts to PDF as it is laid out here. */
export const flatOdt = ({ lines, header, footer, width = 42, height = 29.7, fontSize = 10 }: FlatDocument): string => {
  const margin = 2;
  const tabAt = width - 2 * margin;
  // A form feed (as pdftotext leaves between pages) starts a new page; other control characters cannot be in XML.
  const paragraph = (line: string): string => {
    const [first, ...after] = line.split('\f');
    const one = (text: string, style: string) => {
      const clean = [...text].filter((char) => char === '\t' || (char >= ' ' && char !== '\u007f')).join('');
      return clean === ''
        ? `<text:p text:style-name="${style}"/>`
        : `<text:p text:style-name="${style}">${escapeXml(clean).replace(/ {2,}/g, (spaces) => `<text:s text:c="${spaces.length}"/>`).replace(/\t/g, '<text:tab/>')}</text:p>`;
    };
    return [one(first, 'Line'), ...after.map((text) => one(text, 'NewPage'))].join('');
  };
  const cell = (text: string, style = 'Line') => `<table:table-cell office:value-type="string"><text:p text:style-name="${style}">${escapeXml(text)}</text:p></table:table-cell>`;
  const body: string[] = [];
  let tables = 0;
  lines.forEach((line, index) => {
    if (typeof line === 'string') {
      body.push(paragraph(line));
      return;
    }
    if (index === 0 || typeof lines[index - 1] === 'string') {
      tables += 1;
      body.push(`<table:table table:name="Agenda${tables}" table:style-name="Agenda"><table:table-column table:style-name="Number"/><table:table-column table:style-name="Title"/><table:table-column table:style-name="Pages"/>`);
    }
    body.push(`<table:table-row>${cell(line.number)}${cell(line.title)}${cell(line.pages, 'Right')}</table:table-row>`);
    if (index === lines.length - 1 || typeof lines[index + 1] === 'string') body.push('</table:table>');
  });
  const textWidth = width - 2 * margin;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
 <office:styles>
  <style:style style:name="Line" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm">
    <style:tab-stops><style:tab-stop style:position="${tabAt}cm" style:type="right"/></style:tab-stops>
   </style:paragraph-properties>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="${fontSize}pt"/>
  </style:style>
  <style:style style:name="NewPage" style:family="paragraph" style:parent-style-name="Line"><style:paragraph-properties fo:break-before="page"/></style:style>
  <style:style style:name="Right" style:family="paragraph" style:parent-style-name="Line"><style:paragraph-properties fo:text-align="end"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Agenda" style:family="table"><style:table-properties style:width="${textWidth}cm" table:align="left"/></style:style>
  <style:style style:name="Number" style:family="table-column"><style:table-column-properties style:column-width="1.5cm"/></style:style>
  <style:style style:name="Title" style:family="table-column"><style:table-column-properties style:column-width="${textWidth - 5}cm"/></style:style>
  <style:style style:name="Pages" style:family="table-column"><style:table-column-properties style:column-width="3.5cm"/></style:style>
  <style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="${width}cm" fo:page-height="${height}cm" fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="${margin}cm" fo:margin-right="${margin}cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="Page">
   ${header === undefined ? '' : `<style:header><text:p text:style-name="Line">${withPageNumber(header)}</text:p></style:header>`}
   ${footer === undefined ? '' : `<style:footer><text:p text:style-name="Line">${withPageNumber(footer)}</text:p></style:footer>`}
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
${body.join('\n')}
 </office:text></office:body>
</office:document>
`;
};
