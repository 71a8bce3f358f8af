import { sql } from 'drizzle-orm';
import { type Actor, isStaff } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { type Language, type LocalizedText, pickText } from '../../kernel/localized.ts';

/**
 * Who may export participants, names and contacts included: staff, and a partner for the people of
 * its own institution. Steering members and experts never see names.
 */
export const PARTICIPANT_EXPORT_ROLES = ['admin', 'officer', 'partner'] as const;

export interface ParticipantExportRow {
  action: string;
  activity: string;
  startDate: string;
  fullName: string;
  sex: string;
  positionLevel: string;
  institution: string;
  role: string;
  daysPresent: number;
  email: string;
  phone: string;
}

/** One row per participation the caller may see, in Action, date and name order. */
export async function listParticipantsForExport(
  db: Db,
  actor: Actor,
  lang: Language,
): Promise<ParticipantExportRow[]> {
  const scope = isStaff(actor)
    ? sql`true`
    : actor.role === 'partner' && actor.institutionId
      ? sql`pe.institution_id = ${actor.institutionId}`
      : sql`false`;
  const result = await db.execute(sql`
    select ac.code as action, x.title as "activityTitle", x.start_date::text as "startDate",
      pe.full_name as "fullName", pe.sex::text as sex, pe.position_level::text as "positionLevel",
      coalesce(i.name, pe.institution_name, '') as institution, pa.role::text as role,
      (select count(*)::int from attendance at where at.participation_id = pa.id and at.present) as "daysPresent",
      coalesce(pe.email, '') as email, coalesce(pe.phone, '') as phone
    from participations pa
    join people pe on pe.id = pa.person_id
    join activities x on x.id = pa.activity_id
    join actions ac on ac.id = x.action_id
    left join institutions i on i.id = pe.institution_id
    where ${scope}
    order by ac.code, x.start_date, pe.full_name, pa.id`);
  return (
    result as unknown as {
      rows: (Omit<ParticipantExportRow, 'activity'> & { activityTitle: LocalizedText })[];
    }
  ).rows.map(({ activityTitle, ...row }) => ({ ...row, activity: pickText(activityTitle, lang) }));
}
