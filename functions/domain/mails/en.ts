import type { MailTexts } from './kinds.js';

/** English: the second language of every e-mail. */
export const en: MailTexts = {
  loginCode: ({ code, minutes }) => ({
    subject: 'Your login code',
    body: `Your regiokurs login code is ${code}. It is valid for ${minutes} minutes.`,
  }),
  promoted: ({ child, offerTitle, unitLabel }) => ({
    subject: `A place for you: ${offerTitle}`,
    body: `Good news: ${child} has moved up from the waiting list for „${offerTitle}“ (${unitLabel}) and now has a confirmed place.`,
  }),
  offerCancelled: ({ offerTitle }) => ({
    subject: `Cancelled: ${offerTitle}`,
    body: `Unfortunately, "${offerTitle}" has been cancelled. Your registrations for it are cancelled.`,
  }),
};
