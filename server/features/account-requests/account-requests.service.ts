import { count, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import type { Language } from '../../kernel/localized.ts';
import { countries } from '../taxonomy/taxonomy.table.ts';
import type {
  AccountRequestBody,
  AccountRequestPage,
  AccountRequestReceipt,
} from './account-requests.contract.ts';
import { accountRequests } from './account-requests.table.ts';

/**
 * Stores a request for a partner account from the public portal. Anyone may send one (the route is
 * rate-limited); it is kept for an administrator, who creates the account.
 */
export async function submitAccountRequest(
  db: Db,
  actor: Actor | null,
  input: AccountRequestBody,
  language: Language,
): Promise<AccountRequestReceipt> {
  return db.transaction(async (tx) => {
    const [country] = await tx
      .select({ code: countries.code })
      .from(countries)
      .where(eq(countries.code, input.country));
    if (!country) {
      throw new AppError('VALIDATION_FAILED', 'The country is not one the facility knows', [
        { field: 'country', message: 'is not a known country code' },
      ]);
    }
    const [row] = await tx
      .insert(accountRequests)
      .values({
        name: input.name,
        email: input.email.toLowerCase(),
        institution: input.institution,
        position: input.position || null,
        countryCode: input.country,
        message: input.message,
        language,
      })
      .returning({ id: accountRequests.id, createdAt: accountRequests.createdAt });
    if (!row) throw new Error('the account request was not stored');
    // The institution and country say what came in; the person's name and address stay in the
    // request itself, which only administrators read.
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      event: 'account_request.create',
      entityType: 'account_request',
      entityId: row.id,
      changes: { institution: input.institution, country: input.country, language },
    });
    return { id: row.id, receivedAt: new Date(row.createdAt).toISOString() };
  });
}

/** The requests for partner accounts, newest first: administrators only. */
export async function listAccountRequests(
  db: Db,
  actor: Actor | null,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<AccountRequestPage> {
  requireRole(actor, ['admin']);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(accountRequests)
      .orderBy(desc(accountRequests.createdAt), desc(accountRequests.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(accountRequests),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      institution: row.institution,
      position: row.position,
      country: row.countryCode,
      message: row.message,
      language: row.language,
      createdAt: new Date(row.createdAt).toISOString(),
    })),
    total: total?.value ?? 0,
    page,
    pageSize,
  };
}
