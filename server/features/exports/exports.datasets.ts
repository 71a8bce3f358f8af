import { type Actor, requireActor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import type { Language } from '../../kernel/localized.ts';
import type { CellValue } from '../../kernel/spreadsheets/cells.ts';
import type { SheetTable } from '../../kernel/spreadsheets/write-spreadsheet.ts';
import { getActionDesign } from '../actions/action-design.service.ts';
import type { ActionListItem } from '../actions/actions.contract.ts';
import { listActions } from '../actions/actions.service.ts';
import { listCalendar } from '../activities/activities.service.ts';
import { listDeliverables } from '../deliverables/deliverables.service.ts';
import {
  listParticipantsForExport,
  PARTICIPANT_EXPORT_ROLES,
} from '../participants/participants.for-exports.ts';
import { loadIndicatorViews } from '../results/indicators.service.ts';
import { type ColumnDef, heading, joinList } from './exports.columns.ts';
import type { DatasetId } from './exports.contract.ts';

type Row = Record<string, CellValue>;

/** One dataset: its columns and how to read its rows as the caller may see them. */
export interface Dataset {
  id: DatasetId;
  columns: ColumnDef[];
  load(db: Db, actor: Actor | null, lang: Language): Promise<Row[]>;
}

/** Every Action the caller may see, page after page through the Actions service. */
export async function visibleActions(db: Db, actor: Actor | null, lang: Language): Promise<ActionListItem[]> {
  const all: ActionListItem[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await listActions(db, actor, { page, pageSize: 200 }, lang);
    all.push(...items);
    if (items.length === 0 || all.length >= total) return all;
  }
}

export const actionColumns: ColumnDef[] = [
  { key: 'code', width: 18 },
  { key: 'name', readOnly: true, width: 24 },
  { key: 'title', readOnly: true, width: 60 },
  { key: 'status', readOnly: true },
  { key: 'countries', readOnly: true },
  { key: 'topics', readOnly: true, width: 30 },
  { key: 'requestingInstitution', readOnly: true, width: 40 },
  { key: 'plannedStart' },
  { key: 'plannedEnd' },
  { key: 'plannedActivities' },
  { key: 'plannedExpertDays' },
];

export const activityColumns: ColumnDef[] = [
  { key: 'id', width: 38 },
  { key: 'action', width: 18 },
  { key: 'actionName', readOnly: true, width: 24 },
  { key: 'type', width: 20 },
  { key: 'title', width: 60 },
  { key: 'startDate' },
  { key: 'endDate' },
  { key: 'modality' },
  { key: 'city' },
  { key: 'country' },
  { key: 'workingLanguages' },
  { key: 'status', readOnly: true },
];

/** The exports, by dataset. Indicators join when the results framework provides a reader. */
export const datasets: Record<DatasetId, Dataset> = {
  actions: {
    id: 'actions',
    columns: actionColumns,
    async load(db, actor, lang) {
      const rows: Row[] = [];
      for (const action of await visibleActions(db, actor, lang)) {
        const design = await getActionDesign(db, actor, action.id);
        rows.push({
          code: action.code,
          name: action.name,
          title: action.title,
          status: action.status,
          countries: joinList(action.countries),
          topics: joinList(action.topics),
          requestingInstitution: action.requestingInstitution?.name ?? '',
          plannedStart: action.plannedStart ?? '',
          plannedEnd: action.plannedEnd ?? '',
          plannedActivities: design.plannedActivities ?? '',
          plannedExpertDays: design.plannedExpertDays ?? '',
        });
      }
      return rows;
    },
  },
  activities: {
    id: 'activities',
    columns: activityColumns,
    async load(db, actor, lang) {
      const codes = new Map((await visibleActions(db, actor, lang)).map((a) => [a.id, a.code]));
      const rows: Row[] = [];
      for (let page = 1; ; page++) {
        const { items, total } = await listCalendar(db, actor, { page, pageSize: 500 }, lang);
        for (const a of items) {
          rows.push({
            id: a.id,
            action: codes.get(a.actionId) ?? '',
            actionName: a.actionName,
            type: a.type,
            title: a.title,
            startDate: a.startDate,
            endDate: a.endDate,
            modality: a.modality,
            city: a.city ?? '',
            country: a.countryCode ?? '',
            workingLanguages: joinList(a.workingLanguages),
            status: a.status,
          });
        }
        if (items.length === 0 || rows.length >= total) return rows;
      }
    },
  },
  deliverables: {
    id: 'deliverables',
    columns: [
      { key: 'id', width: 38 },
      { key: 'action', width: 18 },
      { key: 'type', width: 24 },
      { key: 'title', width: 60 },
      { key: 'languages' },
      { key: 'status' },
      { key: 'visibility' },
      { key: 'latestVersion' },
      { key: 'updatedAt', width: 22 },
    ],
    async load(db, actor, lang) {
      const codes = new Map((await visibleActions(db, actor, lang)).map((a) => [a.id, a.code]));
      const { items } = await listDeliverables(db, actor, {}, lang);
      return items.map((d) => ({
        id: d.id,
        action: codes.get(d.actionId) ?? d.actionName,
        type: d.type,
        title: d.title,
        languages: joinList(d.languages),
        status: d.status,
        visibility: d.visibility,
        latestVersion: d.latestVersion ?? '',
        updatedAt: d.updatedAt,
      }));
    },
  },
  indicators: {
    id: 'indicators',
    columns: [
      { key: 'action', width: 18 },
      { key: 'level' },
      { key: 'indicator', width: 50 },
      { key: 'measure' },
      { key: 'baseline' },
      { key: 'periodStart' },
      { key: 'periodEnd' },
      { key: 'target' },
      { key: 'targetWomen' },
      { key: 'targetMen' },
      { key: 'actual' },
      { key: 'actualWomen' },
      { key: 'actualMen' },
      { key: 'progress' },
    ],
    async load(db, actor, lang) {
      const actions = await visibleActions(db, actor, lang);
      const codes = new Map(actions.map((a) => [a.id, a.code]));
      const views = await loadIndicatorViews(
        db,
        actions.map((a) => a.id),
        lang,
      );
      // One row per period of each indicator (an indicator without periods still has its row).
      return views.flatMap((view) => {
        const base = {
          action: codes.get(view.actionId) ?? '',
          level: view.level,
          indicator: view.title,
          measure: view.measure,
          baseline: view.baseline?.value ?? '',
        };
        if (view.periods.length === 0) return [base];
        return view.periods.map((p) => ({
          ...base,
          periodStart: p.start,
          periodEnd: p.end,
          target: p.target.total ?? '',
          targetWomen: p.target.female ?? '',
          targetMen: p.target.male ?? '',
          actual: p.actual?.total ?? '',
          actualWomen: p.actual?.female ?? '',
          actualMen: p.actual?.male ?? '',
          progress: p.progress ?? '',
        }));
      });
    },
  },
  participants: {
    id: 'participants',
    columns: [
      { key: 'action', width: 18 },
      { key: 'activity', width: 40 },
      { key: 'startDate' },
      { key: 'fullName', width: 30 },
      { key: 'sex' },
      { key: 'positionLevel' },
      { key: 'institution', width: 36 },
      { key: 'role' },
      { key: 'daysPresent' },
      { key: 'email', width: 30 },
      { key: 'phone' },
    ],
    async load(db, actor, lang) {
      const signedIn = requireRole(requireActor(actor), PARTICIPANT_EXPORT_ROLES);
      return (await listParticipantsForExport(db, signedIn, lang)).map((row) => ({ ...row }));
    },
  },
};

/** A dataset as a spreadsheet table, headings in the reader's language. */
export async function datasetTable(
  db: Db,
  actor: Actor | null,
  id: DatasetId,
  lang: Language,
): Promise<SheetTable> {
  const dataset = datasets[id];
  const rows = await dataset.load(db, actor, lang);
  return {
    name: heading(id, lang),
    columns: dataset.columns.map((c) => ({ key: c.key, header: heading(c.key, lang), width: c.width })),
    rows,
  };
}
