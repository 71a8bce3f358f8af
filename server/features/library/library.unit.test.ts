import { describe, expect, it } from 'vitest';
import { demoDocx } from '../../demo/demo-docx.ts';
import { demoPdf } from '../../demo/demo-pdf.ts';
import { paragraphsOf, snippetParts } from './library.service.ts';
import { textConfigOf } from './library-languages.ts';
import { extractDocumentText, tidyText } from './text-extraction.ts';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('reading the text of a file', () => {
  it('reads a PDF’s text layer, typographic apostrophes included', async () => {
    const pdf = demoPdf('Aide-mémoire', ['Un migrant n’est pas un délinquant.', 'Les passeurs le sont.']);
    const result = await extractDocumentText(pdf, 'application/pdf');
    expect(result.outcome).toBe('extracted');
    expect(result.text).toContain('Un migrant n’est pas un délinquant.');
  });

  it('reads a Word document, right-to-left text included', async () => {
    const docx = demoDocx('الإجراءات', ['يحال الأطفال إلى الجهات المختصة.'], { rightToLeft: true });
    const result = await extractDocumentText(docx, WORD);
    expect(result).toEqual({ outcome: 'extracted', text: 'الإجراءات\n\nيحال الأطفال إلى الجهات المختصة.' });
  });

  it('answers why a damaged file gave no text, rather than throwing', async () => {
    const result = await extractDocumentText(Buffer.from('%PDF-1.7\nnot really'), 'application/pdf');
    expect(result.outcome).toBe('failed');
    expect(result.outcome === 'failed' && result.error).toBeTruthy();
    expect((await extractDocumentText(Buffer.from('PK'), WORD)).outcome).toBe('failed');
    expect((await extractDocumentText(Buffer.from('x'), 'image/png')).outcome).toBe('failed');
  });

  it('tidies control characters, spaces and the snippets’ marks away', () => {
    expect(tidyText('  a\u0000b \t c\r\n\n\n\nd\ue000e\ue001 ')).toBe('a b c\n\nde');
  });
});

describe('presenting the text', () => {
  it('splits a snippet at its marks, and never passes a mark on', () => {
    expect(snippetParts('the \ue000victims\ue001 were \ue000referred\ue001.')).toEqual([
      { text: 'the ', mark: false },
      { text: 'victims', mark: true },
      { text: ' were ', mark: false },
      { text: 'referred', mark: true },
      { text: '.', mark: false },
    ]);
    expect(snippetParts(null)).toEqual([]);
  });

  it('makes paragraphs of blank lines, and of lines that end a sentence in a PDF’s wrapped text', () => {
    expect(paragraphsOf('First line\nwrapped here.\nSecond one.\n\nThird')).toEqual([
      'First line wrapped here.',
      'Second one.',
      'Third',
    ]);
  });

  it('analyses each language with its own stemmer, and others without one', () => {
    expect(['en', 'fr', 'es', 'pt', 'ar', 'tet', null].map(textConfigOf)).toEqual([
      'english',
      'french',
      'spanish',
      'portuguese',
      'arabic',
      'simple',
      'simple',
    ]);
  });
});
