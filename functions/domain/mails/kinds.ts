/** What each e-mail says, by kind, with the facts it needs; one implementation per language. */
export type MailTexts = {
  loginCode(facts: { code: string; minutes: number }): MailText;
  /** One booking request: each child with a place, each child in line with its position; the confirmed ones' sessions are attached. */
  booked(facts: OfferFacts & { confirmed: ChildPlace[]; waitlisted: (ChildPlace & { position?: number })[] }): MailText;
  /** Registrations cancelled, by the family itself or by the provider. */
  registrationCancelled(facts: PlaceFacts & OfferFacts & { byProvider: boolean }): MailText;
  /** A freed place held for the family until `deadline`; `children` are the ones it is for, together. */
  placeOffered(facts: PlaceFacts & OfferFacts & { deadline: string }): MailText;
  /** The family accepted the places offered (or won a last call): confirmed, sessions attached. */
  placeAccepted(facts: PlaceFacts & OfferFacts): MailText;
  /** The deadline passed unanswered: the place went to the next family. */
  placeExpired(facts: PlaceFacts & OfferFacts): MailText;
  /** Too close to the start to hold a place: whoever in line accepts first gets it. */
  lastCall(facts: PlaceFacts & OfferFacts): MailText;
  /** The provider cancelled the whole offer: the family's registrations for it are cancelled. */
  offerCancelled(facts: OfferFacts & { children: string[] }): MailText;
  /** No sign-in for `months`: sign in within `weeks` to keep the account, or it is deleted with the household's data. */
  accountInactive(facts: { months: number; weeks: number; link: string }): MailText;
  /** The same for an account with a role (provider, municipality, region): never deleted automatically. */
  roleAccountInactive(facts: { months: number; weeks: number; link: string }): MailText;
  /** The family asked to be told ("Erinnere mich"): the offer's registration opened at `opensAt`. */
  registrationOpened(facts: { offerTitle: string; opensAt: string; timeZone: string; link: string }): MailText;
  /** Days before the first session: who is booked, when and where it starts, what to bring. */
  reminder(facts: {
    children: string[];
    offerTitle: string;
    firstStart: string;
    timeZone: string;
    place: string;
    whatToBring?: string;
    link: string;
  }): MailText;
  /** The draw of a holiday programme is published: per child and wish what happened and why (each line in both languages). */
  drawResult(facts: {
    programmeTitle: string;
    ticket: number;
    tickets: number;
    children: { firstName: string; lines: { de: string; en: string }[] }[];
    link: string;
  }): MailText;
  /** Feedback from the accessibility statement's form, to the region's coordination. */
  accessibilityFeedback(facts: { message: string; replyTo?: string; page?: string }): MailText;
};
export type MailText = { subject: string; body: string };
/** Which children, offer and unit a place is about. */
export type PlaceFacts = { children: string[]; offerTitle: string; unitLabel: string };
/** A child's place in a unit, as a booking e-mail lists it. */
type ChildPlace = { child: string; unitLabel: string };
/** The provider's contact, as the region keeps it. */
type ProviderContact = { name: string; email?: string; phone?: string; website?: string };
/**
 * What every booking-related e-mail names besides who and what: when the offer starts (in the
 * region's time zone) and where, how many dates it has, whom to ask, and the family's bookings page.
 */
export type OfferFacts = {
  offerTitle: string;
  firstStart: string;
  sessionCount: number;
  timeZone: string;
  place: string;
  contact: ProviderContact;
  link: string;
};
export type MailKind = keyof MailTexts;
