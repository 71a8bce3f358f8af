import type { Language } from '../../kernel/localized.ts';

/** A column of an export: its key, its heading in each language, and whether an import may change it. */
export interface ColumnDef {
  key: string;
  /** Read-only columns are exported for reading; an import ignores them (and says so if they differ). */
  readOnly?: boolean;
  width?: number;
}

type Words = [en: string, fr: string, es: string, pt: string, ar: string];

/** Column headings in the five languages; an import reads a heading in any of them, or the key. */
const HEADINGS: Record<string, Words> = {
  id: ['Id', 'Id', 'Id', 'Id', 'المعرّف'],
  code: ['Code', 'Code', 'Código', 'Código', 'الرمز'],
  name: ['Name', 'Nom', 'Nombre', 'Nome', 'الاسم'],
  title: ['Title', 'Titre', 'Título', 'Título', 'العنوان'],
  status: ['Status', 'Statut', 'Estado', 'Estado', 'الحالة'],
  countries: ['Countries', 'Pays', 'Países', 'Países', 'البلدان'],
  regions: ['Regions', 'Régions', 'Regiones', 'Regiões', 'المناطق'],
  topics: ['Topics', 'Thèmes', 'Temas', 'Temas', 'المواضيع'],
  requestingInstitution: [
    'Requesting institution',
    'Institution demandeuse',
    'Institución solicitante',
    'Instituição requerente',
    'المؤسسة الطالبة',
  ],
  plannedStart: ['Planned start', 'Début prévu', 'Inicio previsto', 'Início previsto', 'البداية المقررة'],
  plannedEnd: ['Planned end', 'Fin prévue', 'Fin prevista', 'Fim previsto', 'النهاية المقررة'],
  plannedActivities: [
    'Planned activities',
    'Activités prévues',
    'Actividades previstas',
    'Atividades previstas',
    'الأنشطة المقررة',
  ],
  plannedExpertDays: [
    'Planned expert days',
    'Jours d’expertise prévus',
    'Días de experto previstos',
    'Dias de perito previstos',
    'أيام الخبراء المقررة',
  ],
  action: ['Action', 'Action', 'Acción', 'Ação', 'الإجراء'],
  actionName: ['Action name', 'Nom de l’action', 'Nombre de la acción', 'Nome da ação', 'اسم الإجراء'],
  type: ['Type', 'Type', 'Tipo', 'Tipo', 'النوع'],
  startDate: ['Start date', 'Date de début', 'Fecha de inicio', 'Data de início', 'تاريخ البدء'],
  endDate: ['End date', 'Date de fin', 'Fecha de fin', 'Data de fim', 'تاريخ الانتهاء'],
  modality: ['Modality', 'Modalité', 'Modalidad', 'Modalidade', 'الطريقة'],
  city: ['City', 'Ville', 'Ciudad', 'Cidade', 'المدينة'],
  country: ['Country', 'Pays', 'País', 'País', 'البلد'],
  workingLanguages: [
    'Working languages',
    'Langues de travail',
    'Idiomas de trabajo',
    'Línguas de trabalho',
    'لغات العمل',
  ],
  languages: ['Languages', 'Langues', 'Idiomas', 'Línguas', 'اللغات'],
  visibility: ['Visibility', 'Visibilité', 'Visibilidad', 'Visibilidade', 'الظهور'],
  latestVersion: ['Latest version', 'Dernière version', 'Última versión', 'Última versão', 'آخر نسخة'],
  actions: ['Actions', 'Actions', 'Acciones', 'Ações', 'الإجراءات'],
  activities: ['Activities', 'Activités', 'Actividades', 'Atividades', 'الأنشطة'],
  deliverables: ['Deliverables', 'Livrables', 'Productos', 'Produtos', 'المخرجات'],
  participants: ['Participants', 'Participants', 'Participantes', 'Participantes', 'المشاركون'],
  activity: ['Activity', 'Activité', 'Actividad', 'Atividade', 'النشاط'],
  fullName: ['Full name', 'Nom complet', 'Nombre completo', 'Nome completo', 'الاسم الكامل'],
  sex: ['Sex', 'Sexe', 'Sexo', 'Sexo', 'الجنس'],
  positionLevel: [
    'Position level',
    'Niveau de poste',
    'Nivel del puesto',
    'Nível do cargo',
    'المستوى الوظيفي',
  ],
  institution: ['Institution', 'Institution', 'Institución', 'Instituição', 'المؤسسة'],
  role: ['Role', 'Rôle', 'Función', 'Função', 'الدور'],
  daysPresent: ['Days present', 'Jours de présence', 'Días de asistencia', 'Dias de presença', 'أيام الحضور'],
  email: ['E-mail', 'Courriel', 'Correo electrónico', 'Correio eletrónico', 'البريد الإلكتروني'],
  phone: ['Telephone', 'Téléphone', 'Teléfono', 'Telefone', 'الهاتف'],
  indicators: ['Indicators', 'Indicateurs', 'Indicadores', 'Indicadores', 'المؤشرات'],
  indicator: ['Indicator', 'Indicateur', 'Indicador', 'Indicador', 'المؤشر'],
  level: ['Level', 'Niveau', 'Nivel', 'Nível', 'المستوى'],
  measure: ['Measure', 'Mesure', 'Medida', 'Medida', 'القياس'],
  baseline: ['Baseline', 'Référence', 'Línea de base', 'Valor de base', 'خط الأساس'],
  periodStart: [
    'Period start',
    'Début de période',
    'Inicio del período',
    'Início do período',
    'بداية الفترة',
  ],
  periodEnd: ['Period end', 'Fin de période', 'Fin del período', 'Fim do período', 'نهاية الفترة'],
  target: ['Target', 'Cible', 'Meta', 'Meta', 'الهدف'],
  targetWomen: ['Target (women)', 'Cible (femmes)', 'Meta (mujeres)', 'Meta (mulheres)', 'الهدف (نساء)'],
  targetMen: ['Target (men)', 'Cible (hommes)', 'Meta (hombres)', 'Meta (homens)', 'الهدف (رجال)'],
  actual: ['Achieved', 'Atteint', 'Logrado', 'Alcançado', 'المحقَّق'],
  actualWomen: [
    'Achieved (women)',
    'Atteint (femmes)',
    'Logrado (mujeres)',
    'Alcançado (mulheres)',
    'المحقَّق (نساء)',
  ],
  actualMen: [
    'Achieved (men)',
    'Atteint (hommes)',
    'Logrado (hombres)',
    'Alcançado (homens)',
    'المحقَّق (رجال)',
  ],
  progress: ['Progress (%)', 'Avancement (%)', 'Avance (%)', 'Progresso (%)', 'التقدم (%)'],
  updatedAt: [
    'Last changed',
    'Dernière modification',
    'Última modificación',
    'Última alteração',
    'آخر تعديل',
  ],
};

const LANGUAGE_INDEX: Record<Language, number> = { en: 0, fr: 1, es: 2, pt: 3, ar: 4 };

export function heading(key: string, lang: Language): string {
  return HEADINGS[key]?.[LANGUAGE_INDEX[lang]] ?? key;
}

/** The column key a heading names, in any language (case and spaces ignored), or undefined. */
export function keyOfHeading(text: string): string | undefined {
  const wanted = text.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [key, words] of Object.entries(HEADINGS)) {
    if (key.toLowerCase() === wanted || words.some((w) => w.toLowerCase() === wanted)) return key;
  }
  return undefined;
}

/** Lists in a cell: codes separated by semicolons. */
export const LIST_SEPARATOR = '; ';
export const joinList = (values: readonly string[]) => values.join(LIST_SEPARATOR);
export const splitList = (cell: string) =>
  cell
    .split(/[;,]/)
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * The language a file's headings are written in (the one most of them match), so that an import
 * reads titles in the language they were exported in; the reader's language breaks ties.
 */
export function languageOfHeadings(headers: string[], fallback: Language): Language {
  const scores = (Object.keys(LANGUAGE_INDEX) as Language[]).map((lang) => ({
    lang,
    score: headers.filter((h) =>
      Object.values(HEADINGS).some(
        (words) => words[LANGUAGE_INDEX[lang]]?.toLowerCase() === h.trim().toLowerCase(),
      ),
    ).length,
  }));
  const best = Math.max(...scores.map((s) => s.score));
  const fallbackScore = scores.find((s) => s.lang === fallback)?.score ?? 0;
  if (fallbackScore === best) return fallback;
  return scores.find((s) => s.score === best)?.lang ?? fallback;
}
