import { type FicheActivity, type FicheData, formatDate } from './fiche.data.ts';
import { type FicheFonts, forStandardFont } from './fiche.fonts.ts';
import { FICHE_WORDS } from './fiche.labels.ts';

/** How much of each list fits, so that the fiche stays within two A4 pages. */
export const FICHE_LIMITS = { summary: 1400, held: 8, upcoming: 6, deliverables: 8, results: 10 };

const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#1c5d99';

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** The fiche as a PDF of one or two A4 pages. */
export async function renderFichePdf(data: FicheData, fonts: FicheFonts): Promise<Buffer> {
  // pdfkit and its font metrics are loaded by the first PDF, not by every server start.
  const { default: PDFDocument } = await import('pdfkit');
  const words = FICHE_WORDS[data.lang];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 48, left: 54, right: 54 },
    lang: data.lang,
    displayTitle: true,
    info: { Title: `${data.name}: ${data.title}`, Subject: words.document, Creator: 'Tandem' },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const text = (value: string) => (fonts.embedded ? value : forStandardFont(value));
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;

  const heading = (title: string) => {
    doc.moveDown(0.6);
    doc.font('bold').fontSize(11).fillColor(ACCENT).text(text(title), left, doc.y, { width });
    doc.moveDown(0.15);
    doc.fillColor(INK).font('regular').fontSize(9.5);
  };
  const labelled = (label: string, value: string) => {
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(INK)
      .text(`${text(label)}: `, left, doc.y, { width, continued: true })
      .font('regular')
      .text(text(value || '—'));
  };
  const dates = (start: string | null, end: string | null) =>
    `${start ? formatDate(start, data.lang) : words.noDate} – ${end ? formatDate(end, data.lang) : words.noDate}`;

  // Title block
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(text(`${words.document} · ${data.code}`), { width });
  doc.moveDown(0.2);
  doc.font('bold').fontSize(17).fillColor(INK).text(text(data.name), { width });
  doc.font('bold').fontSize(12.5).fillColor(INK).text(text(data.title), { width });
  doc.moveDown(0.4);
  labelled(words.status, data.status);
  labelled(
    words.period,
    `${dates(data.planned.start, data.planned.end)} (${words.planned})${
      data.actual.start ? `; ${dates(data.actual.start, data.actual.end)} (${words.actual})` : ''
    }`,
  );

  // Key figures, as a row of boxes
  heading(words.keyFigures);
  const figures: [string, number][] = [
    [words.activitiesHeld, data.figures.activitiesHeld],
    [words.activitiesPlanned, data.figures.activitiesPlanned],
    [words.deliverablesPublished, data.figures.deliverablesPublished],
    [words.deliverablesAll, data.figures.deliverablesAll],
  ];
  const boxWidth = (width - 3 * 8) / 4;
  const top = doc.y;
  figures.forEach(([label, value], i) => {
    const x = left + i * (boxWidth + 8);
    doc.roundedRect(x, top, boxWidth, 44, 4).lineWidth(0.8).strokeColor('#b9c7d6').stroke();
    doc
      .font('bold')
      .fontSize(16)
      .fillColor(ACCENT)
      .text(String(value), x + 8, top + 5, { width: boxWidth - 16 });
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(INK)
      .text(text(label), x + 8, top + 26, { width: boxWidth - 16 });
  });
  doc.x = left;
  doc.y = top + 50;

  heading(words.summary);
  doc.text(text(clip(data.summary, FICHE_LIMITS.summary)), left, doc.y, { width, align: 'justify' });

  heading(words.institutions);
  const byRole = (role: 'requesting' | 'beneficiary') =>
    data.institutions
      .filter((i) => i.role === role)
      .map((i) => i.name)
      .join('; ');
  labelled(words.requesting, byRole('requesting'));
  if (byRole('beneficiary')) labelled(words.beneficiary, byRole('beneficiary'));
  if (data.partners.length) labelled(words.partners, data.partners.join('; '));
  labelled(words.countries, data.countries.join(', '));
  labelled(words.topics, data.topics.join(', '));

  const activityList = (title: string, items: FicheActivity[], max: number) => {
    heading(`${title} (${items.length})`);
    if (items.length === 0) doc.text(text(words.none), { width });
    for (const a of items.slice(0, max)) {
      doc
        .font('bold')
        .text(text(`${a.date} · ${a.type}`), left, doc.y, { width, continued: true })
        .font('regular')
        .text(text(` — ${clip(a.title, 140)}${a.place ? ` (${a.place})` : ''}`));
    }
    if (items.length > max) {
      doc
        .font('regular')
        .fillColor(MUTED)
        .text(text(words.more(items.length - max)))
        .fillColor(INK);
    }
  };
  activityList(words.heldActivities, data.held, FICHE_LIMITS.held);
  activityList(words.plannedActivities, data.upcoming, FICHE_LIMITS.upcoming);

  heading(`${words.deliverables} (${data.deliverables.length})`);
  if (data.deliverables.length === 0) doc.text(text(words.none), { width });
  for (const d of data.deliverables.slice(0, FICHE_LIMITS.deliverables)) {
    doc
      .font('regular')
      .text(text(`${clip(d.title, 150)} — ${d.type}, `), left, doc.y, { width, continued: true })
      .font('bold')
      .text(text(d.status));
  }
  if (data.deliverables.length > FICHE_LIMITS.deliverables) {
    doc
      .font('regular')
      .fillColor(MUTED)
      .text(text(words.more(data.deliverables.length - FICHE_LIMITS.deliverables)))
      .fillColor(INK);
  }

  if (data.results !== null) {
    heading(words.results);
    if (data.results.length === 0) doc.text(text(words.none), { width });
    else resultsTable(doc, data, text, left, width);
  }

  // Footer on every page: when it was produced, and the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - doc.page.margins.bottom + 14;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(
        text(`Tandem · ${data.name} · ${words.generated(data.producedOn)} · ${i + 1}/${range.count}`),
        left,
        bottom,
        {
          width,
          lineBreak: false,
        },
      );
  }
  doc.end();
  return done;
}

function resultsTable(
  doc: PDFKit.PDFDocument,
  data: FicheData,
  text: (value: string) => string,
  left: number,
  width: number,
) {
  const words = FICHE_WORDS[data.lang];
  const number = new Intl.NumberFormat(data.lang);
  const show = (value: number | null) => (value === null ? '—' : number.format(value));
  const columns = [width * 0.52, width * 0.16, width * 0.16, width * 0.16];
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = left;
    let bottom = y;
    cells.forEach((cell, i) => {
      doc.font(bold ? 'bold' : 'regular').text(text(cell), x, y, { width: (columns[i] ?? 0) - 6 });
      bottom = Math.max(bottom, doc.y);
      x += columns[i] ?? 0;
    });
    doc.x = left;
    doc.y = bottom + 2;
  };
  row([words.indicator, words.baseline, words.target, words.achieved], true);
  for (const r of (data.results ?? []).slice(0, FICHE_LIMITS.results)) {
    const unit = r.unit ? ` (${r.unit})` : '';
    row([`${r.indicator}${unit}`, show(r.baseline), show(r.target), show(r.achieved)], false);
  }
}
