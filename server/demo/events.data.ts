import { eq, inArray } from 'drizzle-orm';
import { actions } from '../features/actions/actions.table.ts';
import { nextOccurrence, todayUtc } from '../features/events/awareness-days.ts';
import { events } from '../features/events/events.table.ts';
import { recordAudit } from '../kernel/audit/audit.ts';
import type { Db } from '../kernel/db/database.ts';
import type { LocalizedText } from '../kernel/localized.ts';

/** The last date before `today` on which a yearly day fell. */
function previousOccurrence(month: number, day: number, today: string): string {
  const lastYear = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const next = nextOccurrence(month, day, lastYear);
  return next < today
    ? next
    : nextOccurrence(month, day, `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`);
}

type DemoEvent = {
  awarenessDay: string;
  action: string | null;
  date: (today: string) => string;
  /** UTC hours of the start and end on that date. */
  hours: [number, number];
  timeZone: string;
  isPublic: boolean;
  title: LocalizedText;
  summary: LocalizedText;
  location: string;
};

/**
 * Public events held around the awareness days, dated from the day the demo is loaded so that the
 * portal always has something coming up: one around the next EU Anti-Trafficking Day, one around
 * the next International Migrants Day, one held around the last World Day against Trafficking in
 * Persons. Two more test what the portal must hide: an internal meeting, and an event of an Action
 * still in design (the event is public, the Action's name is not).
 */
const demoEvents: DemoEvent[] = [
  {
    awarenessDay: 'eu-anti-trafficking-day',
    action: 'ghana-iii',
    date: (today) => nextOccurrence(10, 18, today),
    hours: [10, 13],
    timeZone: 'Africa/Accra',
    isPublic: true,
    title: {
      en: 'Peer exchange: recognising victims of trafficking at entry points',
      fr: 'Échange entre pairs : reconnaître les victimes de la traite aux points d’entrée',
      es: 'Intercambio entre pares: reconocer a las víctimas de trata en los puntos de entrada',
      pt: 'Intercâmbio entre pares: reconhecer vítimas de tráfico nos pontos de entrada',
      ar: 'تبادل بين الأقران: التعرّف على ضحايا الاتجار بالبشر في نقاط الدخول',
    },
    summary: {
      en: 'For EU Anti-Trafficking Day, immigration officers of Ghana and peer experts from EU Member States share how they recognise possible victims at borders and refer them to protection. Open to officials of partner institutions, on site and online.',
      fr: 'À l’occasion de la Journée européenne de lutte contre la traite, des agents de l’immigration du Ghana et des experts pairs d’États membres de l’UE partagent leur manière de reconnaître les victimes potentielles aux frontières et de les orienter vers une protection.',
    },
    location: 'Accra, Ghana, and online',
  },
  {
    awarenessDay: 'international-migrants-day',
    action: 'senegal-i',
    date: (today) => nextOccurrence(12, 18, today),
    hours: [15, 16],
    timeZone: 'Africa/Dakar',
    isPublic: true,
    title: {
      en: 'Webinar: the diaspora as a partner of local development',
      fr: 'Webinaire : la diaspora, partenaire du développement local',
      es: 'Seminario web: la diáspora como socia del desarrollo local',
      pt: 'Webinar: a diáspora como parceira do desenvolvimento local',
      ar: 'ندوة عبر الإنترنت: المغتربون شركاء في التنمية المحلية',
    },
    summary: {
      en: 'On International Migrants Day, the Senegalese directorate for Senegalese abroad and peers from Portugal present how municipalities and diaspora associations plan projects together.',
      fr: 'Lors de la Journée internationale des migrants, la direction des Sénégalais de l’extérieur et des pairs portugais présentent comment communes et associations de la diaspora montent des projets ensemble.',
    },
    location: 'Online',
  },
  {
    awarenessDay: 'world-day-against-trafficking',
    action: 'timor-leste-i',
    date: (today) => previousOccurrence(7, 30, today),
    hours: [0, 3],
    timeZone: 'Asia/Dili',
    isPublic: true,
    title: {
      en: 'Launch of the practical notes for investigators of trafficking cases',
      fr: 'Lancement des notes pratiques pour les enquêteurs sur les affaires de traite',
      es: 'Presentación de las notas prácticas para investigadores de casos de trata',
      pt: 'Lançamento das notas práticas para investigadores de casos de tráfico',
      ar: 'إطلاق المذكرات العملية للمحققين في قضايا الاتجار بالبشر',
    },
    summary: {
      en: 'On the World Day against Trafficking in Persons, the Migration Service presented the short practical notes its officers keep at hand on duty.',
      pt: 'No Dia Mundial contra o Tráfico de Pessoas, o Serviço de Migração apresentou as notas práticas que os seus agentes mantêm à mão no serviço.',
    },
    location: 'Dili, Timor-Leste',
  },
  {
    awarenessDay: 'eu-anti-trafficking-day',
    action: null,
    date: (today) => nextOccurrence(10, 17, today),
    hours: [8, 10],
    timeZone: 'Europe/Brussels',
    isPublic: false,
    title: { en: 'Internal: preparing the facility’s contribution to EU Anti-Trafficking Day' },
    summary: { en: 'Internal planning meeting of the programme team; not for publication.' },
    location: 'Brussels',
  },
  {
    awarenessDay: 'international-migrants-day',
    action: 'gambia-i',
    date: (today) => nextOccurrence(12, 17, today),
    hours: [10, 12],
    timeZone: 'Africa/Banjul',
    isPublic: true,
    title: {
      en: 'Open day on safe and regular migration',
      fr: 'Journée portes ouvertes sur la migration sûre et régulière',
      es: 'Jornada de puertas abiertas sobre la migración segura y regular',
      pt: 'Dia aberto sobre a migração segura e regular',
      ar: 'يوم مفتوح حول الهجرة الآمنة والنظامية',
    },
    summary: { en: 'Information stands and a public discussion, the day before International Migrants Day.' },
    location: 'Banjul, the Gambia',
  },
];

/** Loads the demo events; the awareness days are already there (every facility has them). */
export async function loadDemoEvents(tx: Db, today = todayUtc()): Promise<void> {
  const days = await tx
    .select({ id: events.id, code: events.code })
    .from(events)
    .where(eq(events.kind, 'awareness_day'));
  const actionRows = await tx
    .select({ id: actions.id, code: actions.code })
    .from(actions)
    .where(
      inArray(
        actions.code,
        demoEvents.flatMap((e) => (e.action ? [e.action] : [])),
      ),
    );
  const dayId = new Map(days.map((d) => [d.code, d.id]));
  const actionId = new Map(actionRows.map((a) => [a.code, a.id]));
  await tx.insert(events).values(
    demoEvents.map((event) => {
      const date = event.date(today);
      const at = (hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
      return {
        kind: 'event' as const,
        title: event.title,
        summary: event.summary,
        startDate: date,
        startsAt: at(event.hours[0]),
        endsAt: at(event.hours[1]),
        timeZone: event.timeZone,
        location: event.location,
        awarenessDayId: dayId.get(event.awarenessDay) ?? null,
        actionId: event.action ? (actionId.get(event.action) ?? null) : null,
        isPublic: event.isPublic,
      };
    }),
  );
  await recordAudit(tx, {
    actorId: null,
    event: 'demo.load_events',
    entityType: 'event',
    changes: { events: demoEvents.length },
  });
}
