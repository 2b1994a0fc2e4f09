import { createTransport } from 'nodemailer';
import type { Database } from '../../db/database.js';
import * as repo from './notifications.repo.js';
import { MAX_EMAIL_ATTEMPTS } from './notifications.service.js';

/** What the sender needs from a mail transport (nodemailer's, or a fake one in tests). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/** An SMTP transport from `smtp://user:pass@host:587` (or `smtps://…:465`). */
export function smtpTransport(url: string): MailTransport {
  return createTransport({
    url,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 30_000,
  });
}

/** Base of the back-off between attempts: 1, 3, 7, 15… minutes after the message was queued. */
export const EMAIL_BACKOFF_MS = 60_000;

/**
 * Sends the messages of the outbox that are due: each is claimed (its attempt counted) in a short
 * transaction, sent outside it, then marked sent or given its error. A message that failed
 * `MAX_EMAIL_ATTEMPTS` times stays in the outbox as failed, for administrators to see.
 */
export async function deliverOutbox(
  database: Database,
  transport: MailTransport,
  from: string,
  now: () => Date,
  limit = 20,
): Promise<{ sent: number; failed: number }> {
  const claimed = await database.db.transaction((tx) =>
    repo.claimOutbox(tx, now(), {
      limit,
      maxAttempts: MAX_EMAIL_ATTEMPTS,
      backoffMs: EMAIL_BACKOFF_MS,
    }),
  );
  let sent = 0;
  for (const message of claimed) {
    try {
      await transport.sendMail({
        from,
        to: message.toAddress,
        subject: message.subject,
        text: message.body,
      });
      await repo.markSent(database.db, message.id, now());
      sent += 1;
    } catch (error) {
      await repo.markFailed(
        database.db,
        message.id,
        error instanceof Error ? error.message : String(error),
      );
    }
  }
  return { sent, failed: claimed.length - sent };
}
