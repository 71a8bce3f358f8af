import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { certificateFont, certificateLanguage, certificatesPdf } from './certificates.ts';
import { daysOf, nameKeyOf } from './participants.queries.ts';

describe('the duplicate check’s name key', () => {
  it('ignores accents, case, hyphens and extra spaces, and keeps other scripts', () => {
    expect(nameKeyOf('José  MARTÍNEZ-López')).toBe(nameKeyOf('jose martinez lopez'));
    expect(nameKeyOf('Nguyễn Thị Hồng')).toBe('nguyen thi hong');
    expect(nameKeyOf('ليلى حداد')).toBe('ليلى حداد');
    expect(nameKeyOf('Ama Owusu')).not.toBe(nameKeyOf('Ama Owusu-Mensah'));
  });
});

describe('the days of an activity', () => {
  it('run from start to end inclusive, across months', () => {
    expect(daysOf('2027-01-30', '2027-02-02')).toEqual([
      '2027-01-30',
      '2027-01-31',
      '2027-02-01',
      '2027-02-02',
    ]);
    expect(daysOf('2027-03-15', '2027-03-15')).toEqual(['2027-03-15']);
  });
});

describe('certificates', () => {
  it('take the first working language the catalog has, else English', () => {
    expect(certificateLanguage(['ar', 'en'])).toBe('ar');
    expect(certificateLanguage(['tet', 'pt'])).toBe('pt');
    expect(certificateLanguage(['th'])).toBe('en');
  });

  it('print one page per participant, with the name, in the activity’s language', async () => {
    const base = {
      role: 'participant' as const,
      activityTitle: 'Formation des agents',
      actionName: 'Sénégal I',
      city: 'Dakar',
      startDate: '2026-05-11',
      endDate: '2026-05-13',
      daysPresent: 3,
      totalDays: 3,
      hours: 18,
      lang: 'fr' as const,
    };
    const pdf = await certificatesPdf([
      { ...base, fullName: 'Aïssatou Ndiaye' },
      { ...base, fullName: 'Łukasz Żółć' },
    ]);
    const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(totalPages).toBe(2);
    expect(text).toContain('Attestation de participation');
    expect(text).toContain('Aïssatou Ndiaye');
    expect(text).toContain('Heures : 18');
    // Letters beyond Latin-1 print as they are with an embedded font.
    if (certificateFont.embedded) expect(text).toContain('Łukasz Żółć');
    else expect(text).toContain('?ukasz Zo?c');
  }, 30_000);
});
