// What the domain needs from the world besides its repositories: time, e-mail, and which failures pass.

export interface Clock {
  now(): Date;
}

export type Mail = {
  to: string;
  subject: string;
  /** German first, English second, in one body. */
  text: string;
  /** An iCalendar attachment, e.g. the booked dates. */
  ics?: string;
  /**
   * Dates to attach as `ics`, made by whoever delivers the mail (`attachingCalendars`), so that the
   * API, which only writes e-mails, carries no iCalendar library.
   */
  calendar?: { offerId: string; unitIds: string[] };
};

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** E-mails written but not yet delivered (the cloud outbox); empty where mail goes out directly. */
export interface MailOutboxRepo {
  /** Drops every mail to the address still waiting: erasure takes it along. */
  forgetRecipient(to: string): Promise<void>;
}

/**
 * Whether a failed call may succeed if simply made again a moment later (a conflict, throttling).
 * Only the storage adapter can tell; how often and how long to wait is the domain's policy.
 */
export type IsTransient = (error: unknown) => boolean;
