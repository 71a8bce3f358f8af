import { existsSync } from 'node:fs';

/** The fonts the fiche is set in: files to embed, or the PDF standard fonts as a fallback. */
export interface FicheFonts {
  regular: string;
  bold: string;
  /** Embedded TrueType fonts carry every Latin letter; the standard fonts only Windows-1252's. */
  embedded: boolean;
}

/** Where DejaVu Sans usually is (Debian's fonts-dejavu-core first); TANDEM_PDF_FONT comes before them. */
const USUAL_PLACES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/Library/Fonts/DejaVuSans.ttf',
];

/**
 * The first TrueType font found among TANDEM_PDF_FONT (the setting the certificates read too) and
 * the usual places of DejaVu Sans, with its bold beside it (else the same file); without one,
 * Helvetica, which the PDF format provides without embedding.
 */
export function readFicheFonts(env: NodeJS.ProcessEnv = process.env): FicheFonts {
  const candidates = [env.TANDEM_PDF_FONT, ...USUAL_PLACES].filter((p): p is string => Boolean(p));
  const regular = candidates.find((p) => existsSync(p));
  if (!regular) return { regular: 'Helvetica', bold: 'Helvetica-Bold', embedded: false };
  const bold = regular.replace(/(\.ttf)$/i, '-Bold$1');
  return { regular, bold: existsSync(bold) ? bold : regular, embedded: true };
}

/** Letters with a stroke, which Unicode does not decompose into a base letter and a mark. */
const STROKED: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

/** The letters of Windows-1252 beyond Latin-1, which the standard fonts also carry. */
const WIN_ANSI_EXTRA = new Set('ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™');

const inWinAnsi = (c: string) => (c.codePointAt(0) ?? 0) <= 0xff || WIN_ANSI_EXTRA.has(c);

/** Text for the standard fonts: letters outside Windows-1252 become their base letter or '?'. */
export function forStandardFont(text: string): string {
  return Array.from(text.normalize('NFKC'), (c) => {
    if (inWinAnsi(c)) return c;
    const base = (STROKED[c] ?? c).normalize('NFD').replace(/\p{M}/gu, '');
    return base.length === 1 && inWinAnsi(base) ? base : '?';
  }).join('');
}
