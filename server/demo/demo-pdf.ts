/**
 * A small, valid PDF of text pages, made at load time so that the demo's deliverables have real
 * files to download. Text is written in Helvetica with the WinAnsi encoding (Latin-1 letters).
 */
const LINES_PER_PAGE = 40;

/** Typographic marks outside Latin-1, at their places in the WinAnsi encoding. */
const WIN_ANSI: Record<string, string> = {
  '‘': '\x91',
  '’': '\x92',
  '“': '\x93',
  '”': '\x94',
  '…': '\x85',
  '–': '\x96',
  '—': '\x97',
  '€': '\x80',
};

const escapePdf = (text: string) =>
  text
    .replace(/[\\()]/g, (c) => `\\${c}`)
    .replace(/[‘’“”…–—€]/g, (c) => WIN_ANSI[c] ?? '?')
    .replace(/[^\x20-\xff]/g, '?');

function wrap(line: string, width = 90): string[] {
  const words = line.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + word.length + 1 > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  lines.push(current);
  return lines;
}

export function demoPdf(title: string, paragraphs: string[]): Buffer {
  const lines = [title, '', ...paragraphs.flatMap((p) => [...wrap(p), ''])];
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));

  const objects: string[] = [];
  /** Adds an object and answers its number (objects are numbered from 1). */
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, written once the pages are known
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageNumbers: number[] = [];
  for (const page of pages) {
    const text = page
      .map((line, index) => `${index === 0 ? '' : '0 -18 Td '}(${escapePdf(line)}) Tj`)
      .join('\n');
    const stream = `BT /F1 11 Tf 56 790 Td\n${text}\nET`;
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    pageNumbers.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${pageNumbers.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNumbers.length} >>`;

  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info << /Title (${escapePdf(title)}) /Producer (Tandem demo) >> >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
