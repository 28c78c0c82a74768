// The minutes exported: plain text, Markdown, a standalone HTML page and a Word document, all in
// the house style and all saying the same words in the same order; never a struck paragraph, a
// clerk's flag or an exempt item's words in the public minutes; hostile text (quotation marks,
// ampersands, <script>, control characters, right-to-left and Chinese names, 100,000 characters)
// printed as words and never as markup. The Word file is read back by mammoth, by its own XML,
// and by LibreOffice.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, minutesToHtml, minutesToMarkdown, minutesToText } from '../../shared/minutes/exportText';
import { decisionsOnly, type MinutesDocument } from '../../shared/minutes/model';
import { exportMinutes, minutesFileName } from '../../renderer/src/minutes/exportMinutes';
import { minutesToDocx } from '../../renderer/src/minutes/minutesDocx';
import {
  ARABIC_NAME,
  CHINESE_NAME,
  confidentialDocument,
  EXEMPT_TEXT,
  exemptMinute,
  FLAG_TEXT,
  HEBREW_NAME,
  LONG_PARAGRAPH,
  minutesDocument,
  STRUCK_TEXT,
} from '../support/minutesDocument';
import { itWhere, type Requirement } from '../support/skips';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each of `parts` found in `text`, in this order. */
const expectInOrder = (text: string, parts: readonly string[]) => {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part.slice(0, 60)}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
};

/** What every format must print, in order (the words, without the markup). */
const PRINTED = [
  'MINUTES of a meeting of the Kent County Council',
  'PRESENT:',
  'Mr M J Harrison (Chairman)',
  'Mr T Gates (Vice-Chairman)',
  `Mrs A D Allen, MBE, Mr M J Angell, ${ARABIC_NAME}, ${CHINESE_NAME} and Mrs Z Wiltshire`,
  'IN ATTENDANCE:',
  'UNRESTRICTED ITEMS',
  '35. Apologies for Absence (Item 1)',
  'Mr Truelove',
  '43. Motion for Time Limited Debate (Item 9)',
  '(1)',
  'Mr Vye moved and Mr Bird seconded the following motion:',
  '“That this Council supports the',
  'It asks the Leader to write to the Secretary of State.',
  '(2)',
  'For (64)',
  `Mrs A Allen, Mr M Angell, Mr M Baldock`,
  CHINESE_NAME,
  'Against (4)',
  `Mr R Bird, Mr B Clark, Mr M Vye, ${HEBREW_NAME}`,
  'Abstain (4)',
  'Mr H Birkby, Mr L Burgess, Mr C Caller, Mr A Crowther',
  'Procedural motion carried',
  '(a) Mr William Whelan',
  '(3)',
  'The Leader answered at length.',
  '(5)',
  'RESOLVED that the Council supports the campaign.',
];

/** Never in any public output. */
const NEVER = [STRUCK_TEXT, FLAG_TEXT, EXEMPT_TEXT];

/** The public minutes with the exempt item named (heading only) among them. */
const publicWithExempt = (): MinutesDocument => {
  const doc = minutesDocument();
  return { ...doc, minutes: [...doc.minutes, exemptMinute] };
};

const withoutLongParagraph = (doc: MinutesDocument): MinutesDocument => ({
  ...doc,
  minutes: doc.minutes.map((m) => ({ ...m, blocks: m.blocks.filter((b) => b.text !== LONG_PARAGRAPH) })),
});

/** The files of a zip (a .docx), read with Node's own inflate: the central directory, then each entry. */
const unzip = (zip: Uint8Array): Map<string, string> => {
  const buf = Buffer.from(zip);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + skip;
  }
  return files;
};

/** Tags balanced, only the ones the exporter writes, nothing that runs. */
const expectWellFormedHtml = (html: string) => {
  const VOID = new Set(['meta', 'br']);
  const ALLOWED = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'h2', 'h3', 'p', 'span', 'strong', 'em', 'blockquote', 'div', 'br']);
  const open: string[] = [];
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  for (const [, closing, name] of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    expect(ALLOWED, `<${name}>`).toContain(name);
    if (VOID.has(name)) continue;
    if (closing) expect(open.pop(), `</${name}>`).toBe(name);
    else open.push(name);
  }
  expect(open).toEqual([]);
  // Every < and > left is a tag's: the input's angle brackets are all escaped.
  expect(body.replace(/<\/?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>/g, '').replace('<!DOCTYPE html>', '')).not.toMatch(/[<>]/);
};

describe('the minutes as plain text', () => {
  const text = minutesToText(minutesDocument());

  it('prints the front, the section and each minute in the house style, in order', () => {
    expectInOrder(text, PRINTED);
    expect(text).toContain('IN ATTENDANCE: David Cockburn (Corporate Director of Strategic & Corporate Services)');
    expect(text).toContain('(1) Mr Vye moved and Mr Bird seconded the following motion:');
    expect(text).toContain('    “That this Council supports the <script>alert("x")</script> campaign & the "Kent Test" review.”');
    expect(text).toContain('\nFor (64)\nMrs A Allen, Mr M Angell, Mr M Baldock, Mr R Bird & Mrs B <Bird>, ');
    expect(text).toContain('\nProcedural motion carried\n');
  });

  it('keeps the 100,000-character paragraph whole, and no control character', () => {
    expect(text).toContain(`(3) ${LONG_PARAGRAPH}`);
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('Mr Truelove & Mr Wedgbury.');
  });

  it('never prints a struck paragraph, a flag, or an exempt item’s words in the public minutes', () => {
    const printed = minutesToText(publicWithExempt());
    for (const never of NEVER) expect(printed).not.toContain(never);
    expect(printed).toContain('44. Disposal of the Maidstone depot (Item 12)');
  });
});

describe('the minutes as Markdown', () => {
  const markdown = minutesToMarkdown(minutesDocument());

  it('has the headings as #, ## and ###, labels and vote headings in bold, the outcome in italic, the motion quoted', () => {
    expect(markdown.startsWith('# MINUTES of a meeting of the Kent County Council')).toBe(true);
    expect(markdown).toContain('\n## UNRESTRICTED ITEMS\n');
    expect(markdown).toContain('\n### 43\\. Motion for Time Limited Debate (Item 9)\n');
    expect(markdown).toContain('\n**PRESENT:**\n');
    expect(markdown).toContain('\n**IN ATTENDANCE:** David Cockburn');
    expect(markdown).toContain('\n> “That this Council supports the \\<script\\>alert("x")\\</script\\> campaign & the "Kent Test" review.”\n>\n> It asks');
    expect(markdown).toContain('\n**For (64)**\n\nMrs A Allen, Mr M Angell, Mr M Baldock, Mr R Bird & Mrs B \\<Bird\\>, ');
    expect(markdown).toContain('\n*Procedural motion carried*\n');
    expect(markdown).toContain('\n(5) RESOLVED that the Council supports the campaign.\n');
    expectInOrder(markdown, [ARABIC_NAME, CHINESE_NAME, HEBREW_NAME, LONG_PARAGRAPH]);
  });

  it('escapes what would change the meaning of the clerk’s words', () => {
    expect(markdown).toContain('\n(4) \\# Not a heading\n\n\\- not a list\n\n1\\. not a list either\n\n\\*not emphasis\\* \\_nor this\\_ \\[not a link\\](http://x) \\`not code\\` \\\\ back\\\\slash\n');
    expect(escapeMarkdown('+ a\n')).toBe('\\+ a\n');
    expect(escapeMarkdown('&amp; & AT&T')).toBe('\\&amp; & AT&T');
    expect(escapeMarkdown('2) b | c ~~d~~')).toBe('2\\) b \\| c \\~\\~d\\~\\~');
    expect(markdown).not.toMatch(CONTROL);
  });

  it('never prints a struck paragraph, a flag, or an exempt item’s words', () => {
    const printed = minutesToMarkdown(publicWithExempt());
    for (const never of NEVER) expect(printed).not.toContain(never);
  });
});

describe('the minutes as a web page', () => {
  const html = minutesToHtml(minutesDocument());

  it('is a standalone page in UK English with a print stylesheet for A4', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Minutes, Kent County Council, Thursday, 22 October 2015</title>');
    expect(html).toMatch(/@page \{ size: A4; margin: [^}]+\}/);
    expect(html).toContain('@media print');
    expect(html).toMatch(/font-family: [^;]*serif;/);
  });

  it('is well formed, and the clerk’s words are text, never markup', () => {
    expectWellFormedHtml(html);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; campaign &amp; the &quot;Kent Test&quot; review.”');
    expect(html).toContain(`<p class="names" dir="auto">Mr R Bird, Mr B Clark, Mr M Vye, ${HEBREW_NAME}</p>`);
    expect(html).toContain(LONG_PARAGRAPH);
    expect(html).not.toMatch(CONTROL);
    expect(minutesToHtml({ ...minutesDocument(), bodyName: `O'Brien's <b>Council</b>` })).toContain("<title>Minutes, O&#39;Brien&#39;s &lt;b&gt;Council&lt;/b&gt;, ");
  });

  it('looks as it did (the snapshot, without the 100,000 characters)', async () => {
    await expect(minutesToHtml(withoutLongParagraph(minutesDocument()))).toMatchFileSnapshot('__snapshots__/minutes-export.html');
  });

  it('never prints a struck paragraph, a flag, or an exempt item’s words in the public minutes; the confidential record does', () => {
    const printed = minutesToHtml(publicWithExempt());
    for (const never of NEVER) expect(printed).not.toContain(never);
    const confidential = minutesToHtml(confidentialDocument());
    expect(confidential).toContain(`RESOLVED that ${EXEMPT_TEXT}`.replace('&', '&amp;'));
    expect(confidential).toContain('<h2 dir="auto">EXEMPT ITEMS (open access to minutes)</h2>');
    expect(confidential).toContain('<title>Minutes (confidential record), ');
  });
});

describe('the minutes as a Word document', () => {
  let docx: Promise<Uint8Array> | undefined;
  const progress: [number, number][] = [];
  const wordFile = () => (docx ??= minutesToDocx(minutesDocument(), (done, total) => progress.push([done, total])));

  it('reads back, in order, as the minutes print', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await wordFile()) });
    expectInOrder(value, PRINTED);
    expect(value).toContain('(1)\tMr Vye moved');
    expect(value).toContain(LONG_PARAGRAPH);
    for (const never of NEVER) expect(value).not.toContain(never);
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it('uses Word’s headings, bold and italic where the house style has them', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(await wordFile()) });
    expect(value).toContain('<h1>MINUTES of a meeting of the Kent County Council');
    expect(value).toContain('<h2>UNRESTRICTED ITEMS</h2>');
    expect(value).toContain('<h3>35. Apologies for Absence (Item 1)</h3>');
    expect(value).toContain('<h3>43. Motion for Time Limited Debate (Item 9)</h3>');
    expect(value).toContain('<p><strong>For (64)</strong></p>');
    expect(value).toContain('<p><em>Procedural motion carried</em></p>');
    expect(value).toContain('<p><strong>IN ATTENDANCE: </strong>David Cockburn');
    expect(value).toContain('&lt;script&gt;');
    expect(value).not.toContain('<script');
  });

  it('is A4, in UK English, with hanging numbers and indented quotations, and no control characters in its XML', async () => {
    const files = unzip(await wordFile());
    const document = files.get('word/document.xml')!;
    const styles = files.get('word/styles.xml')!;
    // (Matched pieces compared, so that a failure does not print 100,000 characters.)
    expect(document.match(/<w:pgSz [^>]*>/)?.[0]).toBe('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(styles.match(/<w:lang [^>]*>/)?.[0]).toBe('<w:lang w:val="en-GB"/>');
    // "(1)", a tab, the words: the number hangs in a 1.27 cm indent.
    expect(document.match(/<w:ind [^>]*\/><w:jc w:val="left"\/><\/w:pPr><w:r><w:t xml:space="preserve">\(1\)<\/w:t><w:tab\/>/)?.[0]).toContain('<w:ind w:left="720" w:hanging="720"/>');
    expect(document.match(/<w:ind [^>]*\/>(?:(?!<w:ind ).){0,400}“That this Council supports the &lt;script&gt;/)?.[0]).toMatch(/^<w:ind w:left="720"\/>/);
    expect(CONTROL.test(document)).toBe(false);
    expect(document.includes(ARABIC_NAME) && document.includes(HEBREW_NAME) && document.includes(CHINESE_NAME)).toBe(true);
  });

  it('never carries an exempt item’s words in the public minutes; the confidential record does', async () => {
    const { value: printed } = await mammoth.extractRawText({ buffer: Buffer.from(await minutesToDocx(publicWithExempt())) });
    expect(printed).toContain('44. Disposal of the Maidstone depot (Item 12)');
    for (const never of NEVER) expect(printed).not.toContain(never);
    const { value: confidential } = await mammoth.extractRawText({ buffer: Buffer.from(await minutesToDocx(confidentialDocument())) });
    expect(confidential).toContain(EXEMPT_TEXT);
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find((file) => existsSync(file));
  const libreOffice: Requirement = {
    met: soffice !== undefined,
    reason: 'LibreOffice (soffice) is not installed here, so no second reader checks the Word file; .ci/run installs libreoffice-writer-nogui',
    requiredInCi: true,
  };
  itWhere(
    libreOffice,
    'reads the same in LibreOffice as the plain-text minutes',
    async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'chamber-minutes-lo-'));
      try {
        const file = path.join(folder, 'minutes.docx');
        writeFileSync(file, await wordFile());
        // A profile of its own, so parallel runs (and a LibreOffice the developer has open) do not clash.
        execFileSync(soffice!, [`-env:UserInstallation=file://${folder}/profile`, '--headless', '--convert-to', 'txt:Text', '--outdir', folder, file], { stdio: 'pipe', timeout: 110_000 });
        const converted = readFileSync(path.join(folder, 'minutes.txt'), 'utf8').replace(/^\uFEFF/, '');
        // The one difference is whitespace: the text's quotation is indented by spaces and its
        // blocks parted by blank lines, where Word indents paragraphs and LibreOffice writes a
        // tab after "(1)" for the hanging indent. Whitespace aside, the same words in the same order.
        expect(squash(converted)).toBe(squash(minutesToText(minutesDocument())));
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    // LibreOffice takes 5-10 seconds to start, more on a cold CI machine: one conversion, time to spare.
    120_000,
  );
});

describe('exporting', () => {
  it('names the file from the meeting, the record and the variant, with characters every system accepts', () => {
    const doc = minutesDocument();
    expect(minutesFileName(doc, 'docx')).toBe('Minutes 2015-10-22 Kent County Council.docx');
    expect(minutesFileName(doc, 'markdown', 'decisions')).toBe('Decisions 2015-10-22 Kent County Council.md');
    expect(minutesFileName(confidentialDocument(), 'html', 'confidential')).toBe('Minutes 2015-10-22 Kent County Council (confidential).html');
    expect(minutesFileName({ ...doc, bodyName: 'Planning: "North/South"\u0007 <Area>?*. ' }, 'text')).toBe('Minutes 2015-10-22 Planning North South Area.txt');
  });

  it('makes the file, with its type and progress, where no worker runs (Node: the page’s fallback)', async () => {
    expect(typeof Worker).toBe('undefined');
    const seen: [number, number][] = [];
    const { blob, fileName } = await exportMinutes(minutesDocument(), 'docx', (done, total) => seen.push([done, total]));
    expect(fileName).toBe('Minutes 2015-10-22 Kent County Council.docx');
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await blob.arrayBuffer()) });
    expect(value).toContain('For (64)');
    expect(seen.at(-1)).toEqual([4, 4]);

    const html = await exportMinutes(minutesDocument(), 'html', () => undefined);
    expect(html.blob.type).toBe('text/html;charset=utf-8');
    expect(await html.blob.text()).toBe(minutesToHtml(minutesDocument()));
  });

  it('exports the decisions only as the caller chose them: resolutions and outcomes, nothing of the debate', async () => {
    const { blob, fileName } = await exportMinutes(decisionsOnly(minutesDocument()), 'text', () => undefined, 'decisions');
    expect(fileName).toBe('Decisions 2015-10-22 Kent County Council.txt');
    const text = await blob.text();
    expect(text).toContain('RESOLVED that the Council supports the campaign.');
    expect(text).toContain('Procedural motion carried (For 64, Against 4, Abstain 4).');
    expect(text).not.toContain('PRESENT:');
    expect(text).not.toContain('That this Council supports');
    expect(text).not.toContain(ARABIC_NAME);
  });
});
