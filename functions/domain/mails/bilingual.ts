import type { Mail } from '../../ports/world.js';
import { de } from './de.js';
import { en } from './en.js';
import type { MailKind, MailText, MailTexts } from './kinds.js';

/** The e-mail of `kind` to `to`, German first, then English, in one subject and one body. */
export function bilingualMail<K extends MailKind>(to: string, kind: K, facts: Parameters<MailTexts[K]>[0]): Mail {
  const [german, english] = [de, en].map((language) => (language[kind] as (f: typeof facts) => MailText)(facts)) as [MailText, MailText];
  return { to, subject: `${german.subject} / ${english.subject}`, text: `${german.body}\n\n${english.body}` };
}
