/** What the domain needs from the world besides its repositories. */
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
};

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };
