import { contactLine, formatInstant, names } from './format.js';
import type { MailTexts, OfferFacts } from './kinds.js';

/** When and where it starts, and whom to ask. */
const details = ({ firstStart, sessionCount, timeZone, place, contact }: OfferFacts) =>
  `First date: ${formatInstant('en', firstStart, timeZone)}, place: ${place}${sessionCount > 1 ? ` (${sessionCount} dates)` : ''}.\n` +
  `Contact: ${contactLine(contact)}`;

/** English: the second language of every e-mail. */
export const en: MailTexts = {
  loginCode: ({ code, minutes }) => ({
    subject: 'Your login code',
    body: `Your regiokurs login code is ${code}. It is valid for ${minutes} minutes.`,
  }),
  booked: (facts) => {
    const { offerTitle, confirmed, waitlisted, link } = facts;
    const subject = waitlisted.length === 0 ? 'Booking confirmed' : confirmed.length === 0 ? 'On the waiting list' : 'Your booking';
    return {
      subject: `${subject}: ${offerTitle}`,
      body:
        `Thank you for booking "${offerTitle}".\n` +
        (confirmed.length > 0 ? `Booked: ${confirmed.map((p) => `${p.child} (${p.unitLabel})`).join(', ')}.\n` : '') +
        (waitlisted.length > 0
          ? `On the waiting list: ${waitlisted.map((p) => `${p.child} (${p.unitLabel}${p.position === undefined ? '' : `, position ${p.position}`})`).join(', ')}. ` +
            `When a place becomes free, we offer it to you by e-mail with a deadline to accept.\n`
          : '') +
        `${details(facts)}\n` +
        (confirmed.length > 0 ? 'The dates are attached for your calendar. ' : '') +
        `Your bookings: ${link}`,
    };
  },
  registrationCancelled: (facts) => {
    const { children, offerTitle, unitLabel, byProvider, link } = facts;
    return {
      subject: `Cancelled: ${offerTitle}`,
      body:
        (byProvider
          ? `The provider has cancelled the registration of ${names('en', children)} for "${offerTitle}" (${unitLabel}).`
          : `The registration of ${names('en', children)} for "${offerTitle}" (${unitLabel}) is cancelled.`) + `\n${details(facts)}\nYour bookings: ${link}`,
    };
  },
  placeOffered: (facts) => {
    const { children, offerTitle, unitLabel, deadline, timeZone, link } = facts;
    return {
      subject: `A place for you: ${offerTitle}`,
      body:
        `Good news: a place has become free for ${names('en', children)} in "${offerTitle}" (${unitLabel}). ` +
        `We are holding it for you until ${formatInstant('en', deadline, timeZone)}. Please accept or decline by then: ${link}\n` +
        `Without an answer the place goes to the next family on the waiting list. If you need more time, you can extend the deadline once there. ` +
        `Accepting is a binding registration.\n${details(facts)}`,
    };
  },
  placeAccepted: (facts) => {
    const { children, offerTitle, unitLabel, link } = facts;
    return {
      subject: `Place confirmed: ${offerTitle}`,
      body:
        `You accepted: ${names('en', children)} ${children.length > 1 ? 'are' : 'is'} booked for "${offerTitle}" (${unitLabel}).\n` +
        `${details(facts)}\nThe dates are attached for your calendar. Your bookings: ${link}`,
    };
  },
  placeExpired: (facts) => {
    const { children, offerTitle, unitLabel, link } = facts;
    return {
      subject: `Deadline passed: ${offerTitle}`,
      body:
        `The place in "${offerTitle}" (${unitLabel}) for ${names('en', children)} was not accepted in time and has gone to the next family. Your bookings: ${link}\n` +
        details(facts),
    };
  },
  lastCall: (facts) => {
    const { children, offerTitle, unitLabel, link } = facts;
    return {
      subject: `Last-minute place: ${offerTitle}`,
      body:
        `"${offerTitle}" (${unitLabel}) starts soon and a place is free. There is no time to hold it for one family, ` +
        `so whoever on the waiting list accepts first gets it. Accept for ${names('en', children)}: ${link}\n` +
        details(facts),
    };
  },
  offerCancelled: (facts) => ({
    subject: `Cancelled: ${facts.offerTitle}`,
    body:
      `Unfortunately, "${facts.offerTitle}" has been cancelled. The registrations of ${names('en', facts.children)} for it are cancelled.\n` +
      `${details(facts)}\nYour bookings: ${facts.link}`,
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
  drawResult: ({ programmeTitle, ticket, tickets, children, link }) => ({
    subject: `Draw result: ${programmeTitle}`,
    body:
      `The places of the holiday programme "${programmeTitle}" have been drawn. Your ticket: ${ticket} of ${tickets}.\n\n` +
      children.map((c) => `${c.firstName}:\n${c.lines.map((l) => `- ${l.en}`).join('\n')}`).join('\n\n') +
      `\n\nAll places and waiting lists, and how to check the draw: ${link}`,
  }),
  accessibilityFeedback: ({ message, replyTo, page }) => ({
    subject: 'Accessibility feedback',
    body:
      `This feedback came through the accessibility statement${page ? ` (about the page ${page})` : ''}:\n\n${message}\n\n` +
      (replyTo ? `Reply requested to: ${replyTo}` : 'No address for a reply.') +
      '\nPublic bodies answer within the statutory period.',
  }),
};
