import { describe, expect, it } from 'vitest';
import { readIatiConfig } from './iati.config.ts';
import { buildActivity } from './iati-activity.build.ts';
import type { IatiActivity } from './iati-activity.model.ts';
import { checkParsedFile } from './iati-import.checks.ts';
import { parseIatiFile } from './iati-import.parser.ts';
import { childNamed, childrenNamed, parseTree, schemaErrors } from './iati-test-helpers.ts';
import { matchTopics } from './iati-topic-match.ts';
import { IatiXmlWriter } from './iati-xml.writer.ts';
import { escapeAttribute, escapeText } from './xml-text.ts';
import { parseXmllintOutput, readableSchemaMessage } from './xsd-validation.ts';

const config = readIatiConfig({});
const source = {
  id: '6f1c1d2e-0000-4000-8000-000000000002',
  code: 'testland-ii',
  name: 'Testland II',
  title: { en: 'Fish & chips <"quoted"> \u0007 bell', ar: 'عنوان' },
  summary: { en: 'Line one\nline two' },
  status: 'completed' as const,
  plannedStart: '2024-01-01',
  plannedEnd: '2025-12-31',
  actualStart: '2024-02-01',
  actualEnd: '2025-11-30',
  updatedAt: '2025-12-01T10:00:00Z',
  countries: [{ code: 'GH', regionCode: 'africa' }],
  topics: ['thb'],
  approaches: ['gender'],
  partners: [{ name: 'Partner "A" & Co', acronym: null }],
  documents: [],
  results: [],
};

function document(activity: IatiActivity) {
  const writer = new IatiXmlWriter();
  return writer.start(new Date('2026-01-01T00:00:00Z')) + writer.activity(activity) + writer.end();
}

describe('IatiXmlWriter', () => {
  it('escapes text and attributes and drops characters XML cannot carry', async () => {
    expect(escapeText('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d "e"');
    expect(escapeAttribute('say "hi"\n& go')).toBe('say &quot;hi&quot;&#10;&amp; go');
    expect(escapeText('bell\u0007 nul\u0000 ok\ud83d\ude00 lone\ud800')).toBe('bell nul ok\ud83d\ude00 lone');
    const xml = document(buildActivity(source, config));
    expect(await schemaErrors(xml)).toEqual([]);
    const activity = childNamed(parseTree(xml), 'iati-activity');
    const title = childrenNamed(childNamed(activity as never, 'title') as never, 'narrative');
    expect(title.map((n) => n.text)).toEqual(['Fish & chips <"quoted">  bell', 'عنوان']);
  });

  it('already writes document links and results disaggregated by sex, as the schema wants them', async () => {
    const activity = buildActivity(
      {
        ...source,
        documents: [
          {
            url: 'https://tandem.example.org/library/handbook.pdf',
            format: 'application/pdf',
            title: [{ lang: 'en', text: 'Handbook on investigating trafficking cases' }],
            categories: ['A12'],
            languages: ['en', 'pt'],
            documentDate: '2025-10-01',
          },
        ],
        results: [
          {
            type: '1',
            aggregationStatus: true,
            title: [{ lang: 'en', text: 'Officials trained' }],
            indicators: [
              {
                measure: '1',
                ascending: true,
                title: [{ lang: 'en', text: 'Officials trained, by sex' }],
                baselines: [{ year: 2024, isoDate: '2024-01-01', value: 0 }],
                periods: [
                  {
                    start: '2024-01-01',
                    end: '2025-12-31',
                    targets: [
                      { value: 40, dimensions: [{ name: 'sex', value: 'female' }] },
                      { value: 40, dimensions: [{ name: 'sex', value: 'male' }] },
                    ],
                    actuals: [
                      { value: 46, dimensions: [{ name: 'sex', value: 'female' }] },
                      {
                        value: 31,
                        dimensions: [{ name: 'sex', value: 'male' }],
                        comment: [{ lang: 'en', text: 'One session postponed' }],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      config,
    );
    const xml = document(activity);
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).toContain('<dimension name="sex" value="female"/>');
  });
});

describe('reading other publishers’ files', () => {
  it('keeps narratives per language, skips extensions, and takes the activity’s default language', () => {
    const file = parseIatiFile(`<?xml version="1.0"?>
<iati-activities version="2.03" xmlns:ext="https://example.org/ext">
  <iati-activity xml:lang="fr">
    <iati-identifier>XM-1</iati-identifier>
    <reporting-org ref="XM-1" type="10"><narrative>Ministère</narrative></reporting-org>
    <title><narrative>Traite des êtres humains</narrative><narrative xml:lang="en">Trafficking</narrative><ext:x><narrative>no</narrative></ext:x></title>
    <recipient-country code="sn" percentage="100"/>
  </iati-activity>
</iati-activities>`);
    expect(checkParsedFile(file)).toEqual([]);
    const [activity] = file.activities;
    expect(activity?.titles).toEqual([{ fr: 'Traite des êtres humains', en: 'Trafficking' }]);
    expect(activity?.countries).toEqual([{ code: 'SN', percentage: '100', line: 7 }]);
    expect(
      matchTopics({ titles: activity?.titles[0] ?? {}, descriptions: [], sectors: [], tags: [] }),
    ).toEqual([{ topic: 'thb', reason: '"traite des êtres humains" in the title or description' }]);
  });

  it('says where a file is not XML, and does not expand entities', () => {
    expect(
      checkParsedFile(parseIatiFile('<iati-activities version="2.03">\n<iati-activity>'))[0]?.message,
    ).toMatch(/not well-formed XML/);
    const entity = parseIatiFile(
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><iati-activities version="2.03"><iati-activity><iati-identifier>&e;</iati-identifier></iati-activity></iati-activities>',
    );
    expect(JSON.stringify(entity.activities)).not.toContain('root:');
  });
});

describe('schema messages for people', () => {
  it('rephrases what libxml2 says', () => {
    expect(
      readableSchemaMessage("Element 'title': Missing child element(s). Expected is ( narrative )."),
    ).toBe('<title> lacks a required child element: <narrative>');
    expect(
      readableSchemaMessage(
        "Element 'activity-date', attribute 'iso-date': '2020-13-01' is not a valid value of the atomic type 'xs:date'.",
      ),
    ).toBe('<activity-date> attribute iso-date: "2020-13-01" is not a valid date (YYYY-MM-DD)');
    expect(
      readableSchemaMessage("Element 'iati-activities': The attribute 'version' is required but missing."),
    ).toBe('<iati-activities> needs the attribute version');
    expect(
      parseXmllintOutput(
        "-:9: Schemas validity error : Element 'reporting-org': This element is not expected. Expected is ( title ).\n- fails to validate\n",
      ),
    ).toEqual([
      {
        line: 9,
        message:
          '<reporting-org> is not allowed here (in this position, or this many times); expected <title>',
      },
    ]);
  });
});
