// The minutes as Markdown, a standalone HTML page (printable on A4) and plain text, laid out in
// the house style from printedLayout: the same words, in the same order, as the Word document.
// Pure: no Node, no DOM.
import type { MinutesDocument } from './model';
import { layoutMinutes, oneLine, plainLine, type PrintedBlock, type PrintedLine, type PrintedMinutes } from './printedLayout';

const headingAndBlocks = (printed: PrintedMinutes): { heading?: { text: string; level: 1 | 2 | 3 }; block?: PrintedBlock }[] => [
  ...(printed.heading ? [{ heading: { text: printed.heading, level: 1 as const } }] : []),
  ...printed.front.map((block) => ({ block })),
  ...(printed.sectionHeading ? [{ heading: { text: printed.sectionHeading, level: 2 as const } }] : []),
  ...printed.minutes.flatMap((minute) => [...(minute.heading ? [{ heading: { text: minute.heading, level: 3 as const } }] : []), ...minute.blocks.map((block) => ({ block }))]),
];

// ---------------------------------------------------------------------------------------------
// Plain text

const textBlock = (block: PrintedBlock): string =>
  block.lines.map((line) => (block.kind === 'quotation' && line.role === 'text' ? `    ${plainLine(line)}` : plainLine(line))).join('\n');

/** Plain text: a line per printed line, a blank line between blocks and headings. */
export const minutesToText = (doc: MinutesDocument): string =>
  `${headingAndBlocks(layoutMinutes(doc))
    .map(({ heading, block }) => (heading ? heading.text : textBlock(block!)))
    .join('\n\n')}\n`;

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * Escapes what would change a line's meaning in Markdown (CommonMark and GitHub's): emphasis,
 * code, links, raw HTML, tables, strike-through and backslashes anywhere; entity-like `&…;`;
 * and at the start of a line what would make it a heading, quotation, list or rule. Everything
 * else (curly quotes, right-to-left and non-Latin names) passes through as it is.
 */
export const escapeMarkdown = (text: string): string =>
  text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');

const markdownLine = (line: PrintedLine, kind: PrintedBlock['kind']): string => {
  const words = escapeMarkdown(line.text);
  const text =
    line.role === 'label' || line.role === 'voteWay'
      ? `**${words}**`
      : line.role === 'voteOutcome'
        ? `*${words}*`
        : kind === 'subheading'
          ? `***${words}***`
          : words;
  const opening = [line.number ? escapeMarkdown(line.number) : '', line.inlineLabel ? `**${escapeMarkdown(line.inlineLabel)}**` : '', text].filter((p) => p).join(' ');
  return kind === 'quotation' && line.role === 'text' ? `> ${opening}` : opening;
};

/** Markdown: headings as #, ## and ###; every printed line its own paragraph; quotations as block quotes. */
export const minutesToMarkdown = (doc: MinutesDocument): string =>
  `${headingAndBlocks(layoutMinutes(doc))
    .map(({ heading, block }) =>
      heading ? `${'#'.repeat(heading.level)} ${escapeMarkdown(heading.text)}` : block!.lines.map((line) => markdownLine(line, block!.kind)).join(block!.kind === 'quotation' ? '\n>\n' : '\n\n'),
    )
    .join('\n\n')}\n`;

// ---------------------------------------------------------------------------------------------
// HTML

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

const STYLE = `
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.4; color: #000; background: #fff; max-width: 45em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.15em; font-weight: bold; margin: 0 0 1.2em; }
h2 { font-size: 1.05em; font-weight: bold; text-transform: uppercase; margin: 1.6em 0 0.8em; }
h3 { font-size: 1em; font-weight: bold; margin: 1.4em 0 0.6em; }
p { margin: 0 0 0.6em; }
.numbered { padding-left: 2.5em; text-indent: -2.5em; }
.number { display: inline-block; min-width: 2.2em; text-indent: 0; }
.continued { padding-left: 2.5em; }
blockquote { margin: 0 0 0.6em 2.5em; }
.subheading { font-weight: bold; font-style: italic; }
.recorded-vote { margin: 0 0 0.6em; }
.recorded-vote .way { font-weight: bold; margin-bottom: 0.2em; }
.recorded-vote .outcome { font-style: italic; }
@page { size: A4; margin: 25mm 20mm 25mm 25mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  p, blockquote { orphans: 3; widows: 3; }
  .recorded-vote .way { break-after: avoid; page-break-after: avoid; }
}
`;

const htmlLine = (line: PrintedLine, kind: PrintedBlock['kind'], continued: boolean): string => {
  const classes = [
    line.role === 'text' ? kind : line.role === 'voteWay' ? 'way' : line.role === 'voteNames' ? 'names' : line.role === 'voteOutcome' ? 'outcome' : 'label',
    line.number ? 'numbered' : continued ? 'continued' : '',
  ]
    .filter((c) => c)
    .join(' ');
  const words = escapeHtml(line.text);
  const text = line.role === 'label' ? `<strong>${words}</strong>` : line.role === 'voteOutcome' ? `<em>${words}</em>` : words;
  const number = line.number ? `<span class="number">${escapeHtml(line.number)}</span> ` : '';
  const label = line.inlineLabel ? `<strong>${escapeHtml(line.inlineLabel)}</strong> ` : '';
  return `<p class="${classes}" dir="auto">${number}${label}${text}</p>`;
};

const htmlBlock = (block: PrintedBlock): string => {
  // The lines after a numbered paragraph's first stand under its text, not under its number.
  const numbered = block.lines.some((line) => line.number);
  const inner = block.lines.map((line, i) => htmlLine(line, block.kind, numbered && i > 0 && !line.number)).join('\n');
  if (block.kind === 'quotation') return `<blockquote>\n${inner}\n</blockquote>`;
  if (block.kind === 'recordedVote') return `<div class="recorded-vote">\n${inner}\n</div>`;
  return inner;
};

/** A standalone HTML page in UK English, with a print stylesheet for A4. */
export const minutesToHtml = (doc: MinutesDocument): string => {
  const printed = layoutMinutes(doc);
  const title = [doc.record === 'confidential' ? 'Minutes (confidential record)' : 'Minutes', oneLine(doc.bodyName), oneLine(doc.longDate || doc.date)].filter((part) => part).join(', ');
  const body = headingAndBlocks(printed)
    .map(({ heading, block }) => (heading ? `<h${heading.level} dir="auto">${escapeHtml(heading.text)}</h${heading.level}>` : htmlBlock(block!)))
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="minutes">
${body}
</main>
</body>
</html>
`;
};
