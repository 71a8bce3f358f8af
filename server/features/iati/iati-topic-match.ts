import type { ForeignText } from './iati.table.ts';

/**
 * Words that name a topic in the five languages Tandem speaks. DAC purpose codes are too coarse to
 * tell trafficking from labour migration (both are 15190), so an imported activity is matched to a
 * topic by a specific sector, an SDG target only that topic serves, or these words in its title or
 * description. Each match keeps its reason, and the API shows it. Matches are made at import: a
 * file imported again is matched again.
 */
const topicWords: Record<string, readonly string[]> = {
  thb: [
    'trafficking in human beings',
    'trafficking in persons',
    'human trafficking',
    'traite des êtres humains',
    'traite des personnes',
    'trata de personas',
    'trata de seres humanos',
    'tráfico de pessoas',
    'tráfico de seres humanos',
    'الاتجار بالبشر',
    'الاتجار بالأشخاص',
  ],
  som: [
    'smuggling of migrants',
    'migrant smuggling',
    'trafic illicite de migrants',
    'tráfico ilícito de migrantes',
    'contrabando de migrantes',
    'introdução clandestina de migrantes',
    'تهريب المهاجرين',
  ],
  border: [
    'border management',
    'gestion des frontières',
    'gestión de fronteras',
    'gestão de fronteiras',
    'إدارة الحدود',
  ],
  return: ['reintegration', 'réintégration', 'reintegración', 'reintegração', 'إعادة الإدماج'],
  labour: [
    'labour migration',
    'labor migration',
    'migrant workers',
    'migration de travail',
    'travailleurs migrants',
    'migración laboral',
    'trabajadores migrantes',
    'migração laboral',
    'trabalhadores migrantes',
    'العمال المهاجرين',
  ],
  mobility: ['legal pathways', 'visa policy', 'voies légales', 'vías legales', 'vias legais'],
  asylum: ['asylum', "droit d'asile", 'asile', 'asilo', 'اللجوء'],
  diaspora: ['diaspora', 'المغتربين'],
  remittances: ['remittance', 'transferts de fonds', 'remesas', 'remessas', 'التحويلات المالية'],
  data: ['migration data', 'données migratoires', 'datos migratorios', 'dados migratórios', 'بيانات الهجرة'],
  policy: [
    'migration policy',
    'migration governance',
    'politique migratoire',
    'política migratoria',
    'política migratória',
    'سياسة الهجرة',
  ],
  communication: [
    'migration communication',
    'communication sur la migration',
    'comunicación sobre migración',
  ],
};

/**
 * Codes specific enough to name a topic. 15190 (migration), 10.7 (migration policies), 5.2 and 16.2
 * (violence against women, against children) and statistical capacity are broader than any one
 * topic, so they do not count.
 */
const sectorTopics: Record<string, string> = {
  '15136': 'mobility',
  '16070': 'labour',
  '24050': 'remittances',
};
const targetTopics: Record<string, string> = { '8.7': 'thb', '8.8': 'labour', '10.c': 'remittances' };

export interface TopicMatch {
  topic: string;
  reason: string;
}

export interface MatchInput {
  titles: ForeignText;
  descriptions: ForeignText[];
  sectors: { vocabulary: string; code: string }[];
  tags: { vocabulary: string; code: string }[];
}

/** The Tandem topics an activity is about, the first reason found for each. */
export function matchTopics(input: MatchInput): TopicMatch[] {
  const matches = new Map<string, string>();
  const add = (topic: string, reason: string) => {
    if (!matches.has(topic)) matches.set(topic, reason);
  };
  for (const sector of input.sectors) {
    const topic = sector.vocabulary === '1' ? sectorTopics[sector.code] : undefined;
    if (topic) add(topic, `sector ${sector.code}`);
  }
  for (const tag of input.tags) {
    const topic = tag.vocabulary === '3' ? targetTopics[tag.code] : undefined;
    if (topic) add(topic, `SDG target ${tag.code}`);
  }
  const text = [input.titles, ...input.descriptions]
    .flatMap((t) => Object.values(t))
    .join('\n')
    .toLocaleLowerCase();
  for (const [topic, words] of Object.entries(topicWords)) {
    const word = words.find((w) => text.includes(w.toLocaleLowerCase()));
    if (word) add(topic, `"${word}" in the title or description`);
  }
  return [...matches]
    .map(([topic, reason]) => ({ topic, reason }))
    .sort((a, b) => a.topic.localeCompare(b.topic));
}
