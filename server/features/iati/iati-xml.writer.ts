import { IATI_VERSION } from './iati.codes.ts';
import type {
  ActivityResult,
  CodedShare,
  DocumentLink,
  IatiActivity,
  Narrative,
  ResultValue,
} from './iati-activity.model.ts';
import { escapeAttribute, escapeText } from './xml-text.ts';

type Attributes = Record<string, string | undefined>;

/**
 * Writes an `iati-activities` document one activity at a time: `start`, then `activity` for each,
 * then `end`; each call returns the text it produced, so that it can be sent at once. Element names
 * come from this file only; every value goes through the escaping of xml-text.ts. (A general XML
 * builder was measured 20 to 100 times slower: see docs/decisions/043-iati-xml-writing-and-reading.md.)
 */
export class IatiXmlWriter {
  // One string grows per activity (V8 joins appended strings without copying them), and the
  // indentation of each depth is made once: 10,000 activities are about 60 MB of text, and the
  // garbage made on the way is what the server's peak memory is made of.
  private out = '';
  private depth = 0;
  private readonly indents: string[] = ['\n'];

  private take(): string {
    const text = this.out;
    this.out = '';
    return text;
  }

  private indent(): string {
    let indent = this.indents[this.depth];
    if (indent === undefined) {
      indent = `\n${'  '.repeat(this.depth)}`;
      this.indents[this.depth] = indent;
    }
    return indent;
  }

  private tag(name: string, attributes: Attributes) {
    let tag = `${this.indent()}<${name}`;
    for (const key in attributes) {
      const value = attributes[key];
      if (value !== undefined) tag += ` ${key}="${escapeAttribute(value)}"`;
    }
    return tag;
  }

  /** An element with attributes and either text or nothing inside. */
  private el(name: string, attributes: Attributes = {}, text?: string) {
    this.out +=
      text === undefined
        ? `${this.tag(name, attributes)}/>`
        : `${this.tag(name, attributes)}>${escapeText(text)}</${name}>`;
  }

  private open(name: string, attributes: Attributes = {}) {
    this.out += `${this.tag(name, attributes)}>`;
    this.depth++;
  }

  private close(name: string) {
    this.depth--;
    this.out += `${this.indent()}</${name}>`;
  }

  private withNarratives(name: string, list: Narrative[], attributes: Attributes = {}) {
    this.open(name, attributes);
    for (const n of list) this.el('narrative', { 'xml:lang': n.lang }, n.text);
    this.close(name);
  }

  start(generatedAt: Date): string {
    this.out += '<?xml version="1.0" encoding="UTF-8"?>';
    this.depth = 0;
    this.open('iati-activities', {
      version: IATI_VERSION,
      'generated-datetime': generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    return this.take();
  }

  comment(text: string): string {
    this.out += `${this.indent()}<!-- ${escapeText(text).replace(/--/g, '- -')} -->`;
    return this.take();
  }

  end(): string {
    this.close('iati-activities');
    this.out += '\n';
    return this.take();
  }

  private share(name: string, share: CodedShare) {
    this.el(name, {
      code: share.code,
      vocabulary: share.vocabulary,
      percentage: share.percentage === undefined ? undefined : share.percentage.toFixed(2),
    });
  }

  /** One activity, its elements in the order the schema requires. */
  activity(a: IatiActivity): string {
    this.open('iati-activity', { 'last-updated-datetime': a.lastUpdated });
    this.el('iati-identifier', {}, a.identifier);
    this.withNarratives('reporting-org', a.reportingOrg.name, {
      ref: a.reportingOrg.ref,
      type: a.reportingOrg.type,
    });
    this.withNarratives('title', a.title);
    for (const d of a.descriptions) this.withNarratives('description', d.narratives, { type: d.type });
    for (const p of a.participatingOrgs) {
      this.withNarratives('participating-org', p.name, { ref: p.ref, type: p.type, role: p.role });
    }
    for (const o of a.otherIdentifiers) this.el('other-identifier', { ref: o.ref, type: o.type });
    this.el('activity-status', { code: a.status });
    for (const d of a.dates) this.el('activity-date', { type: d.type, 'iso-date': d.isoDate });
    if (a.scope) this.el('activity-scope', { code: a.scope });
    for (const c of a.recipientCountries) this.share('recipient-country', c);
    for (const r of a.recipientRegions) this.share('recipient-region', r);
    for (const s of a.sectors) this.share('sector', s);
    for (const t of a.tags) this.el('tag', { vocabulary: t.vocabulary, code: t.code });
    for (const m of a.policyMarkers) {
      this.el('policy-marker', { vocabulary: m.vocabulary, code: m.code, significance: m.significance });
    }
    for (const t of a.defaultAidTypes)
      this.el('default-aid-type', { code: t.code, vocabulary: t.vocabulary });
    for (const d of a.documentLinks) this.documentLink(d);
    for (const r of a.results) this.result(r);
    this.close('iati-activity');
    return this.take();
  }

  private documentLink(d: DocumentLink) {
    this.open('document-link', { url: d.url, format: d.format });
    this.withNarratives('title', d.title);
    if (d.description) this.withNarratives('description', d.description);
    for (const code of d.categories) this.el('category', { code });
    for (const code of d.languages) this.el('language', { code });
    if (d.documentDate) this.el('document-date', { 'iso-date': d.documentDate });
    this.close('document-link');
  }

  private value(name: string, v: ResultValue, attributes: Attributes = {}) {
    this.open(name, { ...attributes, value: v.value === undefined ? undefined : String(v.value) });
    for (const d of v.dimensions ?? []) this.el('dimension', { name: d.name, value: d.value });
    if (v.comment) this.withNarratives('comment', v.comment);
    this.close(name);
  }

  private result(r: ActivityResult) {
    const flag = (b: boolean | undefined) => (b === undefined ? undefined : b ? '1' : '0');
    this.open('result', { type: r.type, 'aggregation-status': flag(r.aggregationStatus) });
    this.withNarratives('title', r.title);
    if (r.description) this.withNarratives('description', r.description);
    for (const i of r.indicators) {
      this.open('indicator', { measure: i.measure, ascending: flag(i.ascending) });
      this.withNarratives('title', i.title);
      if (i.description) this.withNarratives('description', i.description);
      for (const b of i.baselines) this.value('baseline', b, { year: String(b.year), 'iso-date': b.isoDate });
      for (const p of i.periods) {
        this.open('period');
        this.el('period-start', { 'iso-date': p.start });
        this.el('period-end', { 'iso-date': p.end });
        for (const t of p.targets) this.value('target', t);
        for (const v of p.actuals) this.value('actual', v);
        this.close('period');
      }
      this.close('indicator');
    }
    this.close('result');
  }
}
