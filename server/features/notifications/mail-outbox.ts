import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../kernel/db/database.ts';
import { mailOutbox } from './notifications.table.ts';

/** How long a process may take to send a claimed mail before another may try it. */
const CLAIM_MS = 5 * 60 * 1000;
const BATCH = 20;
const POLL_MS = 30 * 1000;

/** After a failure: 30 s, 1 min, 2 min ... at most an hour. */
export const retryDelayMs = (attempts: number) =>
  Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/**
 * Sends what the outbox holds. Mails are written in the transaction of the change they tell about;
 * after the commit the service kicks the outbox, and a timer retries what failed. Each mail is claimed
 * by moving its next attempt forward, so that several processes never send the same one twice at once.
 */
export class MailOutbox {
  #running: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly transport: Transporter | null,
    private readonly from: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** True when an SMTP server is configured; without one no mail is queued. */
  get enabled(): boolean {
    return this.transport !== null;
  }

  start() {
    if (!this.transport || this.#timer) return;
    this.#timer = setInterval(() => this.kick(), POLL_MS);
    this.#timer.unref();
    this.kick();
  }

  async stop() {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
    this.transport?.close();
  }

  /** Sends the due mails soon, without waiting: called after a commit that queued some. */
  kick() {
    if (!this.transport) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain()
      .catch((error) => this.log.error({ err: error }, 'the mail outbox could not be read'))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /** Sends every mail that is due and waits until done (the timer and tests use it). */
  async flush() {
    await this.#running;
    await this.#drain();
  }

  async #drain() {
    for (;;) {
      const batch = await this.#claim();
      for (const mail of batch) await this.#send(mail);
      if (batch.length < BATCH) return;
    }
  }

  async #claim() {
    const due = this.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(isNull(mailOutbox.sentAt), lte(mailOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(mailOutbox.createdAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    return this.db
      .update(mailOutbox)
      .set({
        attempts: sql`${mailOutbox.attempts} + 1`,
        nextAttemptAt: sql`now() + ${`${CLAIM_MS} milliseconds`}::interval`,
      })
      .where(sql`${mailOutbox.id} in ${due}`)
      .returning();
  }

  async #send(mail: typeof mailOutbox.$inferSelect) {
    try {
      await this.transport?.sendMail({
        from: this.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.body,
        textEncoding: 'base64',
      });
      await this.db
        .update(mailOutbox)
        .set({ sentAt: new Date(), lastError: null })
        .where(eq(mailOutbox.id, mail.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The log says which mail failed and how, in codes; the SMTP server's own words, which may
      // quote the recipient's address, stay with the mail (last_error), in the database.
      const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
      this.log.warn(
        { mailId: mail.id, attempts: mail.attempts, code, responseCode },
        'a mail could not be sent; it stays in the outbox',
      );
      await this.db
        .update(mailOutbox)
        .set({
          lastError: message.slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + retryDelayMs(mail.attempts)),
        })
        .where(eq(mailOutbox.id, mail.id));
    }
  }
}

export async function createMailOutbox(
  db: Db,
  smtpUrl: string | undefined,
  from: string,
  log: FastifyBaseLogger,
) {
  // Without an SMTP server no mail is sent, and the mail library is not loaded at all.
  const nodemailer = smtpUrl ? (await import('nodemailer')).default : null;
  const transport = nodemailer
    ? nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as Parameters<typeof nodemailer.createTransport>[0])
    : null;
  return new MailOutbox(db, transport, from, log);
}
