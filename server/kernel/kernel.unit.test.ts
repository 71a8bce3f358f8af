import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { pickText } from './localized.ts';

describe('pickText', () => {
  it('answers the reader’s language, else English, else the original', () => {
    expect(pickText({ en: 'Handbook', es: 'Manual' }, 'es')).toBe('Manual');
    expect(pickText({ en: 'Handbook', es: 'Manual' }, 'ar')).toBe('Handbook');
    expect(pickText({ fr: 'Guide' }, 'pt')).toBe('Guide');
    expect(pickText(null, 'en')).toBe('');
  });
});

describe('readConfig', () => {
  it('uses the embedded database in ./data with demo mode on by default', () => {
    const config = readConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.demo).toBe(true);
    expect(config.port).toBe(3000);
  });

  it('turns demo mode off with DATABASE_URL unless TANDEM_DEMO=1', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://x/y' }).demo).toBe(false);
    expect(readConfig({ DATABASE_URL: 'postgres://x/y', TANDEM_DEMO: '1' }).demo).toBe(true);
    expect(readConfig({ TANDEM_DEMO: '0' }).demo).toBe(false);
  });

  it('refuses a port or a flag it cannot read, saying which', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ TANDEM_DEMO: 'maybe' })).toThrow(/TANDEM_DEMO/);
  });
});
