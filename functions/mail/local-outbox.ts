import type { Clock, Mail, Mailer } from '../ports/world.js';

export type SentMail = Mail & { sentAt: string };

/**
 * The local mailer: keeps sent e-mails in memory for `GET /api/dev/outbox`, so a developer
 * (and the end-to-end tests) can read login codes without an SMTP server.
 */
export class Outbox implements Mailer {
  private readonly mails: SentMail[] = [];
  constructor(
    private readonly clock: Clock,
    private readonly limit = 1000,
  ) {}

  async send(mail: Mail): Promise<void> {
    this.mails.unshift({ ...mail, sentAt: this.clock.now().toISOString() });
    this.mails.length = Math.min(this.mails.length, this.limit);
  }

  /** Newest first, optionally only those to one address. */
  list(to?: string): SentMail[] {
    return to ? this.mails.filter((m) => m.to === to.toLowerCase()) : [...this.mails];
  }
}
