import type { LocalizedText } from '../kernel/localized.ts';

/**
 * Published deliverables of the demo library, in the languages the facility works in, each with the
 * text of its file: a Spanish handbook, French and English notes for border posts, Arabic procedures
 * (a Word file), a Portuguese protocol for shelters, and two that only signed-in readers find (one
 * for the partner institution, one internal). Invented demo content, illustrative only.
 */
export interface DemoLibraryDocument {
  /** The Action's code. */
  action: string;
  type: string;
  title: LocalizedText;
  summary: LocalizedText;
  language: 'en' | 'fr' | 'es' | 'pt' | 'ar';
  visibility: 'internal' | 'partner' | 'public';
  publishedAt: string;
  /** Word rather than PDF (the Arabic text, which the PDFs' Latin-1 font cannot write). */
  format: 'pdf' | 'docx';
  paragraphs: string[];
}

export const demoLibrary: DemoLibraryDocument[] = [
  {
    action: 'peru-ii',
    type: 'handbook',
    title: {
      es: 'Manual de protección y asistencia a víctimas de trata de personas',
      en: 'Handbook on the protection of and assistance to victims of trafficking in persons',
    },
    summary: {
      es: 'Un manual para inspectores, policías y personal de acogida: identificación, derivación y acompañamiento de las víctimas.',
      en: 'A handbook for inspectors, police officers and shelter staff: identifying, referring and accompanying victims.',
    },
    language: 'es',
    visibility: 'public',
    publishedAt: '2025-11-12T10:00:00Z',
    format: 'pdf',
    paragraphs: [
      'Este manual reúne la experiencia de los equipos que trabajaron durante dos años con el Ministerio del Interior en la protección de las víctimas de trata de personas.',
      'Capítulo 1. Identificación. Los inspectores de trabajo y los policías entrevistaron a cientos de personas en minas, talleres textiles y bares de las zonas fronterizas. La entrevista debe hacerse en un lugar seguro, con intérprete cuando sea necesario y sin presencia de los presuntos explotadores.',
      'Capítulo 2. Derivación. Las personas rescatadas fueron acompañadas hasta los albergues especializados el mismo día. Cada derivación se registra en la ficha única y se comunica a la fiscalía especializada dentro de las veinticuatro horas.',
      'Capítulo 3. Asistencia. Las víctimas reciben atención médica y psicológica, asesoría jurídica gratuita y, cuando lo desean, apoyo para regresar a su comunidad de origen. Los niños, niñas y adolescentes son atendidos siempre por personal especializado.',
      'Capítulo 4. Coordinación. Las mesas regionales contra la trata reúnen a la policía, la fiscalía, los gobiernos regionales y las organizaciones de la sociedad civil una vez al mes.',
      'Anexo. Indicadores de trata para el trabajo de campo: retención de documentos, deudas impagables, aislamiento, amenazas a la familia.',
      'Documento de demostración: contenido ilustrativo.',
    ],
  },
  {
    action: 'niger-i',
    type: 'practical_notes',
    title: {
      fr: 'Aide-mémoire pour les agents des postes frontières : repérer le trafic illicite de migrants',
      en: 'Aide-mémoire for officers at border posts: spotting the smuggling of migrants',
    },
    summary: {
      fr: 'Deux pages à garder au poste : les indicateurs, les questions à poser et à qui signaler.',
      en: 'Two pages to keep at the post: the indicators, the questions to ask and whom to alert.',
    },
    language: 'fr',
    visibility: 'public',
    publishedAt: '2026-06-15T09:00:00Z',
    format: 'pdf',
    paragraphs: [
      'À qui s’adresse cet aide-mémoire ? Aux agents de la police des frontières et des douanes en service aux postes d’Assamaka, de Makalondi et de Dirkou.',
      'Indicateurs. Des véhicules surchargés qui voyagent de nuit ; des passagers sans bagages ni documents, qui ne connaissent pas leur destination ; un chauffeur qui répond à leur place ; des sommes d’argent importantes cachées dans le véhicule.',
      'Questions à poser, séparément et calmement : où allez-vous ? qui a organisé le voyage ? combien avez-vous payé et à qui ? quelqu’un garde-t-il vos papiers ?',
      'Que faire ? Séparer les passagers du chauffeur, informer le chef de poste, consigner les faits dans le registre et signaler à l’Agence nationale de lutte contre la traite. Une personne en danger est orientée vers les services sociaux avant toute autre démarche.',
      'Rappel : un migrant objet de trafic n’est pas un délinquant. Les passeurs le sont.',
      'Document de démonstration : contenu illustratif.',
    ],
  },
  {
    action: 'pakistan-i',
    type: 'practical_notes',
    title: { en: 'Aide-mémoire for airport officers: smuggling of migrants and document fraud' },
    summary: { en: 'What to look for at the departure and arrival desks, and what to do next.' },
    language: 'en',
    visibility: 'public',
    publishedAt: '2026-10-05T09:00:00Z',
    format: 'pdf',
    paragraphs: [
      'Who this is for: immigration officers at the departure and arrival desks of Islamabad, Lahore and Karachi airports.',
      'Indicators of smuggling: travellers who cannot say who paid for the ticket; tickets bought in cash by a third party; the same sponsor on several visa applications; documents that are genuine but belong to someone else.',
      'Indicators of document fraud: laminates that lift at the corners, substituted photographs, inconsistent fonts in the machine-readable zone, entry stamps from a border post that was closed on that date.',
      'What to do: take the traveller aside, keep the documents, inform the shift supervisor, and record the interview in the case log. Refer anyone who may be a victim of trafficking to the protection officer on duty.',
      'Demonstration document: illustrative content.',
    ],
  },
  {
    action: 'iraq-i',
    type: 'standard_operating_procedures',
    title: {
      ar: 'إجراءات التشغيل الموحدة لاستقبال العائدين وإحالتهم',
      en: 'Standard operating procedures for receiving and referring returnees',
    },
    summary: {
      ar: 'خطوات استقبال العائدين في المطار والمعابر الحدودية وإحالتهم إلى الخدمات.',
      en: 'The steps for receiving returnees at the airport and border crossings and referring them to services.',
    },
    language: 'ar',
    visibility: 'public',
    publishedAt: '2026-08-01T09:00:00Z',
    format: 'docx',
    paragraphs: [
      'الغرض: توحيد إجراءات استقبال العائدين في مطار بغداد الدولي والمعابر الحدودية وإحالتهم إلى الخدمات المناسبة.',
      'الخطوة الأولى: يستقبل موظف الوزارة العائدين ويسجل بياناتهم في الاستمارة الموحدة.',
      'الخطوة الثانية: يقيّم الموظف احتياجات كل عائد: السكن، والرعاية الصحية، والوثائق، وفرص العمل.',
      'الخطوة الثالثة: يحال العائدون من الفئات الهشة، ولا سيما الأطفال وضحايا الاتجار بالبشر، إلى الجهات المختصة في اليوم نفسه.',
      'وثيقة تجريبية: محتوى توضيحي.',
    ],
  },
  {
    action: 'mozambique-i',
    type: 'protocol',
    title: {
      pt: 'Protocolo de acolhimento para o pessoal dos centros de abrigo',
      en: 'Reception protocol for shelter staff',
    },
    summary: {
      pt: 'Como acolher, registar e acompanhar as pessoas encaminhadas para os centros de abrigo.',
      en: 'How to receive, register and accompany the people referred to shelters.',
    },
    language: 'pt',
    visibility: 'public',
    publishedAt: '2026-04-20T09:00:00Z',
    format: 'pdf',
    paragraphs: [
      'Este protocolo destina-se ao pessoal dos centros de abrigo de Maputo, Ressano Garcia e Nampula.',
      'Acolhimento: a pessoa é recebida por um técnico do mesmo sexo sempre que possível, num espaço reservado. Explica-se o que é o centro, quais são as regras e que a estadia é voluntária.',
      'Registo: os dados pessoais são registados uma só vez e guardados em local fechado. As crianças desacompanhadas são comunicadas ao Serviço de Acção Social no próprio dia.',
      'Acompanhamento: cada pessoa tem um plano individual, revisto semanalmente, com apoio médico, psicológico e jurídico.',
      'Documento de demonstração: conteúdo ilustrativo.',
    ],
  },
  {
    action: 'ghana-ii',
    type: 'assessment_report',
    title: { en: 'Assessment of the eastern border posts' },
    summary: { en: 'Findings of the assessment of the eastern border posts, for the partner institution.' },
    language: 'en',
    visibility: 'partner',
    publishedAt: '2024-09-30T09:00:00Z',
    format: 'pdf',
    paragraphs: [
      'The assessment team visited the Akanu and Aflao border posts and interviewed the officers on duty.',
      'Findings: queues at peak hours exceed three hours; the registration software is not connected to the central database; officers have had no refresher training since 2019.',
      'Recommendations are addressed to the Ghana Immigration Service and are not for publication.',
      'Demonstration document: illustrative content.',
    ],
  },
  {
    action: 'ghana-i',
    type: 'legal_review',
    title: { en: 'Internal note on the lessons of the data-sharing review' },
    summary: { en: 'Lessons for the facility’s staff.' },
    language: 'en',
    visibility: 'internal',
    publishedAt: '2024-03-15T09:00:00Z',
    format: 'pdf',
    paragraphs: [
      'The review of the data-sharing arrangements in Hamile showed that the memoranda were signed before the data-protection assessment.',
      'Lesson for the facility: ask for the assessment before drafting any memorandum.',
      'Demonstration document: illustrative content.',
    ],
  },
];
