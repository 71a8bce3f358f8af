import type { RequestChannel, RequestStatus } from '../features/requests/requests.table.ts';

/**
 * Demo requests for assistance, one or more in every state: Peru's history (the request that became
 * Peru III, and a fourth that shows Peru I, II and III), one waiting for the partner's clarification,
 * one awaiting the steering committee, one declined with its reason, one approved whose Action is
 * still to be made. Days are counted back from the day the demo is loaded.
 */
export interface DemoRequest {
  key: string;
  title: string;
  language: string;
  channel: RequestChannel;
  /** Institution keys of the demo portfolio. */
  requesting: string;
  joint?: string[];
  countries: string[];
  thematicArea: string;
  topics: string[];
  problem: string;
  expectedChange: string;
  preferredTiming: string;
  earlierAssistance?: string;
  targetGroups: { description: string; estimatedNumber: number | null }[];
  workingLanguages: string[];
  /** Who wrote it: a demo account's e-mail. */
  author: string;
  /** Each step: the state reached, how many days ago, by whom, and why. */
  steps: { to: RequestStatus; daysAgo: number; by: string; reason?: string }[];
  assessment?: string;
  recommendation?: 'approve' | 'decline';
  steeringNotes?: string;
  messages?: { by: string; daysAgo: number; body: string }[];
  /** The code of the Action it became. */
  actionCode?: string;
}

const officer = 'officer@demo.tandem.test';
const steering = 'steering@demo.tandem.test';
const peru = 'partner.peru@demo.tandem.test';
const ghana = 'partner.ghana@demo.tandem.test';
const jordan = 'partner.jordan@demo.tandem.test';

/** A partner account for Peru's Ministry of Interior, whose mails come in Spanish. */
export const demoRequestUsers = [
  { email: peru, name: 'Patricia Partner-Peru-Demo', institutionKey: 'peru-mininter', language: 'es' },
];
/** The language of demo accounts' notification mails, where it is not English. */
export const demoMailLanguages: Record<string, string> = { [peru]: 'es', [jordan]: 'ar' };

export const demoRequests: DemoRequest[] = [
  {
    key: 'peru-iii',
    title: 'Respuesta integral al tráfico ilícito de migrantes y a la trata de personas',
    language: 'es',
    channel: 'partner_web',
    requesting: 'peru-mininter',
    joint: ['peru-mpfn'],
    countries: ['PE'],
    thematicArea: 'irregular_thb',
    topics: ['som', 'thb'],
    problem:
      'Las instituciones que enfrentan el tráfico ilícito de migrantes y la trata de personas no comparten criterios ni protocolos, y los casos se pierden entre la detección y la persecución penal.',
    expectedChange:
      'Lineamientos intersectoriales contra el tráfico ilícito de migrantes y un currículo de capacitación sobre prevención, protección de víctimas y persecución del delito.',
    preferredTiming: 'Marzo de 2025 a febrero de 2027',
    earlierAssistance:
      'Peru I (control migratorio en fronteras) y Peru II (protección de víctimas de trata).',
    targetGroups: [
      { description: 'Policías y fiscales especializados', estimatedNumber: 240 },
      { description: 'Personal de los servicios de atención a víctimas', estimatedNumber: 120 },
    ],
    workingLanguages: ['es'],
    author: peru,
    steps: [
      { to: 'draft', daysAgo: 620, by: peru },
      { to: 'submitted', daysAgo: 600, by: peru },
      { to: 'screening', daysAgo: 596, by: officer },
      { to: 'steering_review', daysAgo: 570, by: officer, reason: 'Third request; builds on Peru II.' },
      {
        to: 'approved',
        daysAgo: 548,
        by: steering,
        reason: 'A clear follow-up to Peru I and II with a strong inter-institutional commitment.',
      },
    ],
    assessment:
      'Eligible on every rule. The Ministry has used the facility well twice; the joint request with the prosecution service addresses the gap Peru II identified.',
    recommendation: 'approve',
    actionCode: 'peru-iii',
  },
  {
    key: 'peru-iv',
    title: 'Reintegración sostenible de víctimas de trata retornadas',
    language: 'es',
    channel: 'partner_web',
    requesting: 'peru-mininter',
    countries: ['PE'],
    thematicArea: 'irregular_thb',
    topics: ['thb', 'return'],
    problem:
      'Las víctimas de trata peruanas que retornan del extranjero no encuentran servicios de reintegración coordinados entre regiones.',
    expectedChange: 'Un protocolo de reintegración y una red de puntos focales regionales formados.',
    preferredTiming: 'A partir del segundo semestre de 2026',
    earlierAssistance: 'Peru I, II y III.',
    targetGroups: [{ description: 'Puntos focales regionales de atención a víctimas', estimatedNumber: 60 }],
    workingLanguages: ['es'],
    author: peru,
    steps: [
      { to: 'draft', daysAgo: 30, by: peru },
      { to: 'submitted', daysAgo: 21, by: peru },
      { to: 'screening', daysAgo: 18, by: officer },
    ],
    assessment: 'Overlaps in part with Peru III (protection of victims); to be discussed with the Ministry.',
    messages: [
      {
        by: officer,
        daysAgo: 15,
        body: 'Thank you. Could the reintegration protocol be prepared as part of Peru III, which is ongoing?',
      },
      {
        by: peru,
        daysAgo: 12,
        body: 'Peru III no cubre el retorno desde el extranjero; adjuntaremos una nota conceptual.',
      },
    ],
  },
  {
    key: 'ghana-clarification',
    title: 'Standard operating procedures for document examination at border posts',
    language: 'en',
    channel: 'partner_web',
    requesting: 'ghana-gis',
    countries: ['GH'],
    thematicArea: 'irregular_thb',
    topics: ['border'],
    problem:
      'Document fraud detected at land borders is handled differently at each post, and evidence is often lost before cases reach the prosecution.',
    expectedChange: 'Standard operating procedures for document examination, and trainers to teach them.',
    preferredTiming: 'Early 2027',
    targetGroups: [{ description: 'Immigration officers at land border posts', estimatedNumber: 300 }],
    workingLanguages: ['en'],
    author: ghana,
    steps: [
      { to: 'draft', daysAgo: 40, by: ghana },
      { to: 'submitted', daysAgo: 34, by: ghana },
      { to: 'screening', daysAgo: 30, by: officer },
      {
        to: 'clarification',
        daysAgo: 9,
        by: officer,
        reason: 'Which border posts would take part, and how does this build on the border work of Ghana II?',
      },
    ],
    assessment: 'Likely eligible; waiting for the list of border posts.',
  },
  {
    key: 'jordan-steering',
    title: 'Minimum standards for shelters for victims of trafficking',
    language: 'en',
    channel: 'eu_delegation',
    requesting: 'jordan-mosd',
    countries: ['JO'],
    thematicArea: 'irregular_thb',
    topics: ['thb'],
    problem:
      'Shelters for victims of trafficking share no minimum standards, and the services they offer differ from one shelter to the next.',
    expectedChange: 'Adopted minimum standards for shelters, and a training guide for their staff.',
    preferredTiming: '2027',
    targetGroups: [{ description: 'Shelter staff', estimatedNumber: 80 }],
    workingLanguages: ['ar', 'en'],
    author: officer,
    steps: [
      { to: 'draft', daysAgo: 70, by: officer },
      { to: 'submitted', daysAgo: 68, by: officer },
      { to: 'screening', daysAgo: 60, by: officer },
      { to: 'steering_review', daysAgo: 6, by: officer, reason: 'Recommended; complements Jordan I.' },
    ],
    assessment:
      'Came through the EU Delegation in Amman. Complements Jordan I (identification) with the protection side; the Ministry has shown ownership.',
    recommendation: 'approve',
  },
  {
    key: 'peru-cso-declined',
    title: 'Acompañamiento legal a personas migrantes víctimas de explotación',
    language: 'es',
    channel: 'partner_web',
    requesting: 'peru-cso-demo',
    countries: ['PE'],
    thematicArea: 'irregular_thb',
    topics: ['thb'],
    problem: 'Las personas migrantes víctimas de explotación laboral no reciben orientación legal.',
    expectedChange: 'Una red de orientación legal gratuita.',
    preferredTiming: '2026',
    targetGroups: [{ description: 'Personas migrantes en situación de explotación', estimatedNumber: 500 }],
    workingLanguages: ['es'],
    author: officer,
    steps: [
      { to: 'draft', daysAgo: 200, by: officer },
      { to: 'submitted', daysAgo: 198, by: officer },
      { to: 'screening', daysAgo: 190, by: officer },
      { to: 'steering_review', daysAgo: 170, by: officer },
      {
        to: 'declined',
        daysAgo: 160,
        by: steering,
        reason:
          'The facility works with public institutions. A civil-society organisation may request jointly with one: the Colectivo is welcome to join a request of the Ministry of Interior.',
      },
    ],
    assessment: 'Civil-society organisation requesting alone: not eligible under the mandate.',
    recommendation: 'decline',
    steeringNotes: 'Unanimous; suggest the Colectivo to the Ministry as a partner for Peru III.',
  },
  {
    key: 'mozambique-approved',
    title: 'Countering the smuggling of migrants along the northern corridor',
    language: 'pt',
    channel: 'eu_delegation',
    requesting: 'mozambique-senami',
    countries: ['MZ'],
    thematicArea: 'irregular_thb',
    topics: ['som'],
    problem: 'Smuggling networks use the northern corridor and investigations rarely reach their organisers.',
    expectedChange: 'A joint investigation guide and trained investigators at the main crossings.',
    preferredTiming: 'After Mozambique I closes',
    targetGroups: [{ description: 'Migration and police investigators', estimatedNumber: 90 }],
    workingLanguages: ['pt'],
    author: officer,
    steps: [
      { to: 'draft', daysAgo: 120, by: officer },
      { to: 'submitted', daysAgo: 118, by: officer },
      { to: 'screening', daysAgo: 110, by: officer },
      { to: 'steering_review', daysAgo: 40, by: officer },
      {
        to: 'approved',
        daysAgo: 25,
        by: steering,
        reason: 'Approved: a natural next step after Mozambique I.',
      },
    ],
    assessment: 'Eligible; builds on Mozambique I.',
    recommendation: 'approve',
  },
  {
    key: 'senegal-submitted',
    title: 'Une stratégie de communication pour la diaspora sénégalaise',
    language: 'fr',
    channel: 'letter',
    requesting: 'senegal-dgase',
    countries: ['SN'],
    thematicArea: 'migration_development',
    topics: ['diaspora', 'communication'],
    problem: 'Les Sénégalais de l’extérieur connaissent mal les services que l’État leur offre.',
    expectedChange: 'Une stratégie de communication et des outils adaptés aux pays de résidence.',
    preferredTiming: '2027',
    targetGroups: [{ description: 'Agents de la DGASE et des consulats', estimatedNumber: 45 }],
    workingLanguages: ['fr'],
    author: officer,
    steps: [
      { to: 'draft', daysAgo: 4, by: officer },
      { to: 'submitted', daysAgo: 3, by: officer },
    ],
  },
  {
    key: 'moldova-withdrawn',
    title: 'Asylum case-management training',
    language: 'en',
    channel: 'email',
    requesting: 'moldova-bma',
    countries: ['MD'],
    thematicArea: 'protection_asylum',
    topics: ['asylum'],
    problem: 'Caseworkers need training on credibility assessment.',
    expectedChange: 'A trained pool of caseworkers.',
    preferredTiming: '2026',
    targetGroups: [{ description: 'Asylum caseworkers', estimatedNumber: 25 }],
    workingLanguages: ['ro', 'en'],
    author: officer,
    steps: [
      { to: 'draft', daysAgo: 90, by: officer },
      { to: 'submitted', daysAgo: 88, by: officer },
      { to: 'screening', daysAgo: 80, by: officer },
      {
        to: 'withdrawn',
        daysAgo: 70,
        by: officer,
        reason: 'The Bureau wrote that the training is now covered by its national budget.',
      },
    ],
  },
  {
    key: 'ghana-draft',
    title: 'Information desks on safe labour migration',
    language: 'en',
    channel: 'partner_web',
    requesting: 'ghana-gis',
    joint: ['ghana-mlje'],
    countries: ['GH'],
    thematicArea: 'legal_mobility',
    topics: ['labour'],
    problem: 'Prospective migrant workers rely on recruiters for information.',
    expectedChange: '',
    preferredTiming: '',
    targetGroups: [],
    workingLanguages: ['en'],
    author: ghana,
    steps: [{ to: 'draft', daysAgo: 2, by: ghana }],
  },
];
