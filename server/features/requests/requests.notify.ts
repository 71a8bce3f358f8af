import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { users } from '../auth/auth.table.ts';
import type { NotificationKind } from '../notifications/mail-catalog.ts';
import { type Notifier, notify } from '../notifications/notifications.service.ts';
import type { RequestAccess } from './requests.policy.ts';

export type Audience = 'partners' | 'officers' | 'steering';

async function usersOf(tx: Db, audience: Audience, access: RequestAccess): Promise<string[]> {
  if (audience === 'partners') {
    const institutionIds = [access.requestingInstitutionId, ...access.jointInstitutionIds].filter(
      (id): id is string => id !== null,
    );
    if (institutionIds.length === 0) return [];
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.role, 'partner'),
          inArray(users.institutionId, institutionIds),
          isNull(users.disabledAt),
        ),
      );
    return rows.map((r) => r.id);
  }
  const role = audience === 'officers' ? 'officer' : 'steering';
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, role), isNull(users.disabledAt)));
  return rows.map((r) => r.id);
}

/** Tells the people a change concerns, in the app and by mail, except the one who made it. */
export async function notifyAbout(
  tx: Db,
  notifier: Notifier,
  actor: Actor,
  request: { id: string; number: number; title: string; access: RequestAccess },
  kind: NotificationKind,
  audiences: Audience[],
  extra: { reason?: string | null; action?: string } = {},
) {
  const recipients: string[] = [];
  for (const audience of audiences) recipients.push(...(await usersOf(tx, audience, request.access)));
  const others = recipients.filter((id) => id !== actor.id);
  await notify(tx, notifier, {
    recipients: others,
    kind,
    params: {
      number: request.number,
      title: request.title,
      actor: actor.name,
      ...(extra.action ? { action: extra.action } : {}),
    },
    link: `/app/requests/${request.id}`,
    reason: extra.reason,
  });
}
