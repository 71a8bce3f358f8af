import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Language } from '../../kernel/localized.ts';
import type { SheetTable } from '../../kernel/spreadsheets/write-spreadsheet.ts';
import { activityModalities, activityTypes } from '../activities/activities.table.ts';
import { heading } from './exports.columns.ts';
import type { ImportKind } from './exports.contract.ts';
import { actionColumns, activityColumns } from './exports.datasets.ts';
import { IMPORT_ROLES } from './imports.service.ts';

type Note = 'required' | 'readOnly' | 'optional';

const NOTES: Record<
  Language,
  Record<Note | 'column' | 'about' | 'values' | 'dates' | 'lists' | 'newRow', string>
> = {
  en: {
    column: 'Column',
    about: 'About',
    values: 'Values',
    required: 'Required',
    readOnly: 'Read only: exported for reading, ignored by the import',
    optional: 'Optional',
    dates: 'A date as YYYY-MM-DD',
    lists: 'Codes separated by semicolons',
    newRow: 'Empty for a new activity',
  },
  fr: {
    column: 'Colonne',
    about: 'À propos',
    values: 'Valeurs',
    required: 'Obligatoire',
    readOnly: 'Lecture seule : exportée pour information, ignorée à l’import',
    optional: 'Facultative',
    dates: 'Une date AAAA-MM-JJ',
    lists: 'Codes séparés par des points-virgules',
    newRow: 'Vide pour une nouvelle activité',
  },
  es: {
    column: 'Columna',
    about: 'Acerca de',
    values: 'Valores',
    required: 'Obligatoria',
    readOnly: 'Solo lectura: se exporta para consulta y la importación la ignora',
    optional: 'Opcional',
    dates: 'Una fecha AAAA-MM-DD',
    lists: 'Códigos separados por punto y coma',
    newRow: 'Vacío para una actividad nueva',
  },
  pt: {
    column: 'Coluna',
    about: 'Sobre',
    values: 'Valores',
    required: 'Obrigatória',
    readOnly: 'Só de leitura: exportada para consulta, ignorada na importação',
    optional: 'Opcional',
    dates: 'Uma data AAAA-MM-DD',
    lists: 'Códigos separados por ponto e vírgula',
    newRow: 'Vazio para uma nova atividade',
  },
  ar: {
    column: 'العمود',
    about: 'حول',
    values: 'القيم',
    required: 'إلزامي',
    readOnly: 'للقراءة فقط: يُصدَّر للاطلاع ويتجاهله الاستيراد',
    optional: 'اختياري',
    dates: 'تاريخ بصيغة YYYY-MM-DD',
    lists: 'رموز تفصل بينها فاصلة منقوطة',
    newRow: 'فارغ لنشاط جديد',
  },
};

const REQUIRED = new Set(['code', 'action', 'type', 'title', 'startDate', 'endDate', 'modality']);
const DATES = new Set(['plannedStart', 'plannedEnd', 'startDate', 'endDate']);
const LISTS = new Set(['workingLanguages', 'countries', 'topics']);

/** The import file of a kind, empty, and a second sheet that says what each column takes. */
export function importTemplate(actor: Actor | null, kind: ImportKind, lang: Language): SheetTable[] {
  requireRole(actor, IMPORT_ROLES);
  const columns = kind === 'actions' ? actionColumns : activityColumns;
  const words = NOTES[lang];
  const values = (key: string) => {
    if (key === 'type') return activityTypes.join(', ');
    if (key === 'modality') return activityModalities.join(', ');
    if (key === 'id' && kind === 'activities') return words.newRow;
    if (DATES.has(key)) return words.dates;
    if (LISTS.has(key)) return words.lists;
    return '';
  };
  return [
    {
      name: heading(kind, lang),
      columns: columns.map((c) => ({ key: c.key, header: heading(c.key, lang), width: c.width })),
      rows: [],
    },
    {
      name: words.about,
      columns: [
        { key: 'column', header: words.column, width: 28 },
        { key: 'about', header: words.about, width: 60 },
        { key: 'values', header: words.values, width: 60 },
      ],
      rows: columns.map((c) => ({
        column: heading(c.key, lang),
        about: c.readOnly ? words.readOnly : REQUIRED.has(c.key) ? words.required : words.optional,
        values: values(c.key),
      })),
    },
  ];
}
