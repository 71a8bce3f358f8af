import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { checkFileContent } from './file-kinds.ts';
import { safeFileName } from './files.service.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('checkFileContent', () => {
  it('accepts a PDF and an image by their content', async () => {
    expect(await checkFileContent(pdf, 'note.pdf', ['pdf'], 1024)).toEqual({
      mediaType: 'application/pdf',
      extension: 'pdf',
    });
    expect((await checkFileContent(png, 'photo', ['pdf', 'image'], 1024)).mediaType).toBe('image/png');
  });

  it('refuses a file named .pdf that is not a PDF, saying so', async () => {
    const fake = Buffer.from('MZ this is a program pretending to be a PDF');
    const error = await checkFileContent(fake, 'letter.pdf', ['pdf', 'word'], 1024).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.message).toContain('letter.pdf');
    expect(error.message).toContain('PDF');
  });

  it('refuses an image where only PDF is accepted, naming what it is', async () => {
    const error = await checkFileContent(png, 'scan.pdf', ['pdf'], 1024).catch((e) => e);
    expect(error.message).toContain('image/png');
  });

  it('refuses empty and oversized files', async () => {
    expect((await checkFileContent(Buffer.alloc(0), 'a.pdf', ['pdf'], 10).catch((e) => e)).message).toMatch(
      /empty/,
    );
    expect((await checkFileContent(pdf, 'a.pdf', ['pdf'], 10).catch((e) => e)).code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });
});

describe('safeFileName', () => {
  it('keeps the base name, drops paths and quotes, and uses the detected extension', () => {
    expect(safeFileName('../../etc/passwd.pdf', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\x\\Informe "final".exe', 'pdf')).toBe('Informe final.pdf');
    expect(safeFileName('تقرير.docx', 'docx')).toBe('تقرير.docx');
    expect(safeFileName('', 'png')).toBe('file.png');
  });
});
