import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/database.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import { events } from './events.table.ts';

/**
 * The days the field marks every year, loaded into every facility (an administrator may add others).
 * `firstDate` is the first time the day was observed.
 */
export const awarenessDays: {
  code: string;
  firstDate: string;
  title: LocalizedText;
  summary: LocalizedText;
}[] = [
  {
    code: 'eu-anti-trafficking-day',
    firstDate: '2007-10-18',
    title: {
      en: 'EU Anti-Trafficking Day',
      fr: 'Journée européenne de lutte contre la traite des êtres humains',
      es: 'Día de la UE contra la Trata de Seres Humanos',
      pt: 'Dia da UE contra o Tráfico de Seres Humanos',
      ar: 'اليوم الأوروبي لمكافحة الاتجار بالبشر',
    },
    summary: {
      en: 'Marked by the European Union every 18 October since 2007, to raise awareness of trafficking in human beings and of the rights of its victims.',
      fr: 'Célébrée par l’Union européenne chaque 18 octobre depuis 2007, pour sensibiliser à la traite des êtres humains et aux droits de ses victimes.',
      es: 'La Unión Europea la conmemora cada 18 de octubre desde 2007 para sensibilizar sobre la trata de seres humanos y los derechos de sus víctimas.',
      pt: 'Assinalado pela União Europeia a 18 de outubro de cada ano desde 2007, para sensibilizar para o tráfico de seres humanos e para os direitos das suas vítimas.',
      ar: 'يحتفل به الاتحاد الأوروبي في 18 أكتوبر من كل عام منذ 2007 للتوعية بالاتجار بالبشر وبحقوق ضحاياه.',
    },
  },
  {
    code: 'world-day-against-trafficking',
    firstDate: '2014-07-30',
    title: {
      en: 'World Day against Trafficking in Persons',
      fr: 'Journée mondiale de la lutte contre la traite d’êtres humains',
      es: 'Día Mundial contra la Trata de Personas',
      pt: 'Dia Mundial contra o Tráfico de Pessoas',
      ar: 'اليوم العالمي لمناهضة الاتجار بالأشخاص',
    },
    summary: {
      en: 'Designated by the United Nations General Assembly and observed every 30 July since 2014.',
      fr: 'Instituée par l’Assemblée générale des Nations unies et célébrée chaque 30 juillet depuis 2014.',
      es: 'Proclamado por la Asamblea General de las Naciones Unidas y conmemorado cada 30 de julio desde 2014.',
      pt: 'Instituído pela Assembleia Geral das Nações Unidas e assinalado a 30 de julho de cada ano desde 2014.',
      ar: 'أقرّته الجمعية العامة للأمم المتحدة، ويُحتفل به في 30 يوليو من كل عام منذ 2014.',
    },
  },
  {
    code: 'international-migrants-day',
    firstDate: '2000-12-18',
    title: {
      en: 'International Migrants Day',
      fr: 'Journée internationale des migrants',
      es: 'Día Internacional del Migrante',
      pt: 'Dia Internacional dos Migrantes',
      ar: 'اليوم الدولي للمهاجرين',
    },
    summary: {
      en: 'Proclaimed by the United Nations General Assembly in 2000 and observed every 18 December.',
      fr: 'Proclamée par l’Assemblée générale des Nations unies en 2000 et célébrée chaque 18 décembre.',
      es: 'Proclamado por la Asamblea General de las Naciones Unidas en 2000 y conmemorado cada 18 de diciembre.',
      pt: 'Proclamado pela Assembleia Geral das Nações Unidas em 2000 e assinalado a 18 de dezembro de cada ano.',
      ar: 'أعلنته الجمعية العامة للأمم المتحدة عام 2000، ويُحتفل به في 18 ديسمبر من كل عام.',
    },
  },
];

/** Loads the awareness days into a new facility (every facility, demo or not). */
export async function loadAwarenessDays(tx: Db): Promise<void> {
  await tx.insert(events).values(
    awarenessDays.map((day) => ({
      kind: 'awareness_day' as const,
      code: day.code,
      title: day.title,
      summary: day.summary,
      startDate: day.firstDate,
      recursYearly: true,
    })),
  );
  await recordAudit(tx, {
    actorId: null,
    event: 'events.load_awareness_days',
    entityType: 'event',
    changes: { awarenessDays: awarenessDays.map((day) => day.code) },
  });
}
