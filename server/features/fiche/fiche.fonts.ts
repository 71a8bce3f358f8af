import { existsSync } from 'node:fs';
import path from 'node:path';

/** The fonts the fiche is set in: files to embed, or the PDF standard fonts as a fallback. */
export interface FicheFonts {
  regular: string;
  bold: string;
  /** Embedded TrueType fonts carry every Latin letter; the standard fonts only Windows-1252's. */
  embedded: boolean;
}

/** DejaVu Sans, as Debian's fonts-dejavu-core installs it. */
const DEFAULT_FONT_DIR = '/usr/share/fonts/truetype/dejavu';

/**
 * DejaVu Sans from TANDEM_PDF_FONT_DIR (or Debian's folder) when its regular and bold files are
 * there, else Helvetica, which the PDF format provides without embedding.
 */
export function readFicheFonts(env: NodeJS.ProcessEnv = process.env): FicheFonts {
  const dir = path.resolve(env.TANDEM_PDF_FONT_DIR || DEFAULT_FONT_DIR);
  const regular = path.join(dir, 'DejaVuSans.ttf');
  const bold = path.join(dir, 'DejaVuSans-Bold.ttf');
  if (existsSync(regular) && existsSync(bold)) return { regular, bold, embedded: true };
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', embedded: false };
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
