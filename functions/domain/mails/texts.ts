import type { Mail } from '../../ports/world.js';
import { de } from './de.js';
import { en } from './en.js';

/** What each e-mail says, by kind, with the facts it needs; one implementation per language. */
export type MailTexts = {
  loginCode(facts: { code: string; minutes: number }): MailText;
  promoted(facts: { child: string; offerTitle: string; unitLabel: string }): MailText;
  offerCancelled(facts: { offerTitle: string }): MailText;
};
type MailText = { subject: string; body: string };
export type MailKind = keyof MailTexts;

/** The e-mail of `kind` to `to`, German first, then English, in one subject and one body. */
export function bilingualMail<K extends MailKind>(to: string, kind: K, facts: Parameters<MailTexts[K]>[0]): Mail {
  const [german, english] = [de, en].map((language) => (language[kind] as (f: typeof facts) => MailText)(facts)) as [MailText, MailText];
  return { to, subject: `${german.subject} / ${english.subject}`, text: `${german.body}\n\n${english.body}` };
}
