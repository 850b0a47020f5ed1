/** What each e-mail says, by kind, with the facts it needs; one implementation per language. */
export type MailTexts = {
  loginCode(facts: { code: string; minutes: number }): MailText;
  /** A freed place held for the family until `deadline`; `children` are the ones it is for, together. */
  placeOffered(facts: PlaceFacts & { deadline: string; timeZone: string; link: string }): MailText;
  /** The deadline passed unanswered: the place went to the next family. */
  placeExpired(facts: PlaceFacts & { link: string }): MailText;
  /** Too close to the start to hold a place: whoever in line accepts first gets it. */
  lastCall(facts: PlaceFacts & { link: string }): MailText;
  offerCancelled(facts: { offerTitle: string }): MailText;
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
};
export type MailText = { subject: string; body: string };
/** Which children, offer and unit a place is about. */
export type PlaceFacts = { children: string[]; offerTitle: string; unitLabel: string };
export type MailKind = keyof MailTexts;
