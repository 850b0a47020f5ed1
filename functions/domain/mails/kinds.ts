/** What each e-mail says, by kind, with the facts it needs; one implementation per language. */
export type MailTexts = {
  loginCode(facts: { code: string; minutes: number }): MailText;
  promoted(facts: { child: string; offerTitle: string; unitLabel: string }): MailText;
  offerCancelled(facts: { offerTitle: string }): MailText;
};
export type MailText = { subject: string; body: string };
export type MailKind = keyof MailTexts;
