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

/** Text for the standard fonts: letters outside Windows-1252 become their base letter or '?'. */
export function forStandardFont(text: string): string {
  return text
    .normalize('NFKC')
    .replace(
      /[^\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/gu,
      (c) => {
        const base = (STROKED[c] ?? c).normalize('NFD').replace(/\p{M}/gu, '');
        return /^[\u0000-\u00ff]$/u.test(base) ? base : '?';
      },
    );
}
