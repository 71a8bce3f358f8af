import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

/** The most text a document keeps: a tsvector holds at most 1 MB, and nobody reads more in a snippet. */
export const MAX_TEXT_CHARS = 400_000;

const PDF = 'application/pdf';
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type Extraction =
  | { outcome: 'extracted'; text: string }
  | { outcome: 'empty'; text: '' }
  | { outcome: 'failed'; text: ''; error: string };

/** Paragraphs kept, runs of spaces and blank lines folded, control characters dropped. */
export function tidyText(raw: string): string {
  return (
    raw
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
      // The marks of search snippets (library.queries.ts) never come from a document.
      .replace(/[\ue000\ue001]/g, '')
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
      .slice(0, MAX_TEXT_CHARS)
  );
}

async function rawTextOf(bytes: Buffer, mediaType: string): Promise<string> {
  if (mediaType === PDF) {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    try {
      const { text } = await extractText(pdf, { mergePages: false });
      return text.join('\n\n');
    } finally {
      await pdf.destroy();
    }
  }
  if (mediaType === WORD) {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    return value;
  }
  throw new Error(`no text can be read from ${mediaType}`);
}

/**
 * The text of an uploaded PDF (unpdf, the PDF.js text layer) or Word document (mammoth). Never
 * throws: a damaged or scanned file answers why it gave no text, and the caller records it.
 */
export async function extractDocumentText(bytes: Buffer, mediaType: string): Promise<Extraction> {
  try {
    const text = tidyText(await rawTextOf(bytes, mediaType));
    return text ? { outcome: 'extracted', text } : { outcome: 'empty', text: '' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: 'failed', text: '', error: message.slice(0, 500) };
  }
}
