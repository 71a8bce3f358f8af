import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { FicheData } from './fiche.data.ts';
import { forStandardFont, readFicheFonts } from './fiche.fonts.ts';
import { renderFichePdf } from './fiche.pdf.ts';

const activity = (i: number) => ({
  date: '12 Mar 2026',
  type: 'Training',
  title: `Training of border officials on the indicators of trafficking, module ${i}`,
  place: 'Elubo, Ghana',
});

/** An Action with more of everything than the fiche has room for. */
const crowded: FicheData = {
  lang: 'en',
  code: 'ghana-iii',
  name: 'Ghana III',
  title: 'Identification and referral of victims of trafficking at the borders',
  status: 'In implementation',
  planned: { start: '2026-01-01', end: '2027-06-30' },
  actual: { start: '2026-02-01', end: null },
  summary: 'A long summary of what the Action does and why. '.repeat(80),
  institutions: [
    { name: 'Ghana Immigration Service (GIS)', role: 'requesting' },
    { name: 'Ministry of the Interior', role: 'beneficiary' },
  ],
  partners: ['Agencia Española de Cooperación Internacional para el Desarrollo (AECID)'],
  countries: ['Ghana', 'Côte d’Ivoire'],
  topics: ['Trafficking in human beings', 'Border management'],
  figures: { activitiesHeld: 30, activitiesPlanned: 25, deliverablesPublished: 4, deliverablesAll: 40 },
  held: Array.from({ length: 30 }, (_, i) => activity(i)),
  upcoming: Array.from({ length: 25 }, (_, i) => activity(i)),
  deliverables: Array.from({ length: 40 }, (_, i) => ({
    title: `Handbook ${i} for front-line officers of Łódź and Ştefan Vodă`,
    type: 'Handbook',
    status: 'Published',
  })),
  results: Array.from({ length: 25 }, (_, i) => ({
    indicator: `Officials trained in the identification of victims, group ${i}`,
    unit: 'people',
    baseline: 0,
    target: 120,
    achieved: 87,
  })),
  producedOn: '29 Nov 2026',
};

const textOf = async (pdf: Buffer) => {
  const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return { totalPages, text: text.replace(/\s+/g, ' ') };
};

describe('the fiche as a PDF', () => {
  it('stays within two pages however much the Action holds, saying what it left out', async () => {
    const { totalPages, text } = await textOf(await renderFichePdf(crowded, readFicheFonts()));
    expect(totalPages).toBeLessThanOrEqual(2);
    expect(text).toContain('Activities held (30)');
    expect(text).toContain('… and 22 more');
    expect(text).toContain('… and 32 more');
  });

  it('shows results against targets when the results framework gives them', async () => {
    const { text } = await textOf(await renderFichePdf(crowded, readFicheFonts()));
    expect(text).toContain('Results against targets');
    expect(text).toMatch(/Officials trained in the identification of victims, group 0 \(people\) 0 120 87/);
    const without = await textOf(await renderFichePdf({ ...crowded, results: null }, readFicheFonts()));
    expect(without.text).not.toContain('Results against targets');
  });

  it('writes every Latin letter with the embedded font, and the closest letter without it', async () => {
    const fonts = readFicheFonts();
    const { text } = await textOf(await renderFichePdf(crowded, fonts));
    if (fonts.embedded) expect(text).toContain('Łódź and Ştefan Vodă');
    const standard = await textOf(
      await renderFichePdf(crowded, { regular: 'Helvetica', bold: 'Helvetica-Bold', embedded: false }),
    );
    expect(standard.text).toContain('Lódz and Stefan Voda');
    expect(forStandardFont('Côte d’Ivoire, œuvre')).toBe('Côte d’Ivoire, œuvre');
  });
});
