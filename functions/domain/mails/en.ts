import { formatInstant, names } from './format.js';
import type { MailTexts } from './kinds.js';

/** English: the second language of every e-mail. */
export const en: MailTexts = {
  loginCode: ({ code, minutes }) => ({
    subject: 'Your login code',
    body: `Your regiokurs login code is ${code}. It is valid for ${minutes} minutes.`,
  }),
  placeOffered: ({ children, offerTitle, unitLabel, deadline, timeZone, link }) => ({
    subject: `A place for you: ${offerTitle}`,
    body:
      `Good news: a place has become free for ${names('en', children)} in "${offerTitle}" (${unitLabel}). ` +
      `We are holding it for you until ${formatInstant('en', deadline, timeZone)}. Please accept or decline by then: ${link}\n` +
      `Without an answer the place goes to the next family on the waiting list. If you need more time, you can extend the deadline once there.`,
  }),
  placeExpired: ({ children, offerTitle, unitLabel, link }) => ({
    subject: `Deadline passed: ${offerTitle}`,
    body: `The place in "${offerTitle}" (${unitLabel}) for ${names('en', children)} was not accepted in time and has gone to the next family. Your bookings: ${link}`,
  }),
  lastCall: ({ children, offerTitle, unitLabel, link }) => ({
    subject: `Last-minute place: ${offerTitle}`,
    body:
      `"${offerTitle}" (${unitLabel}) starts soon and a place is free. There is no time to hold it for one family, ` +
      `so whoever on the waiting list accepts first gets it. Accept for ${names('en', children)}: ${link}`,
  }),
  offerCancelled: ({ offerTitle }) => ({
    subject: `Cancelled: ${offerTitle}`,
    body: `Unfortunately, "${offerTitle}" has been cancelled. Your registrations for it are cancelled.`,
  }),
  accountInactive: ({ months, weeks, link }) => ({
    subject: 'Your regiokurs account will be deleted',
    body:
      `You have not signed in to regiokurs for ${months} months. Please sign in within ${weeks} weeks to keep your account: ${link}\n` +
      `Otherwise we delete your account with the data of your household and your children.`,
  }),
  roleAccountInactive: ({ months, weeks, link }) => ({
    subject: 'Your regiokurs account is unused',
    body:
      `You have not signed in to regiokurs for ${months} months. Please sign in within ${weeks} weeks to keep your account: ${link}\n` +
      `Accounts with a role (provider, municipality, region) are never deleted automatically; the regional coordination decides.`,
  }),
  registrationOpened: ({ offerTitle, opensAt, timeZone, link }) => ({
    subject: `Registration open: ${offerTitle}`,
    body: `As you asked: registration for "${offerTitle}" has been open since ${formatInstant('en', opensAt, timeZone)}. To book: ${link}`,
  }),
  reminder: ({ children, offerTitle, firstStart, timeZone, place, whatToBring, link }) => ({
    subject: `Reminder: ${offerTitle}`,
    body:
      `Coming up soon: "${offerTitle}" starts on ${formatInstant('en', firstStart, timeZone)}, place: ${place}. Booked: ${names('en', children)}.\n` +
      (whatToBring ? `Please bring: ${whatToBring}\n` : '') +
      `All dates are attached for your calendar. Your bookings: ${link}`,
  }),
};
