import type { MailTexts } from './kinds.js';

/** Deutsch: the language every e-mail opens with. */
export const de: MailTexts = {
  loginCode: ({ code, minutes }) => ({
    subject: `Ihr Anmeldecode: ${code}`,
    body: `Ihr Anmeldecode für regiokurs lautet ${code}. Er gilt ${minutes} Minuten.`,
  }),
  promoted: ({ child, offerTitle, unitLabel }) => ({
    subject: `Platz frei: ${offerTitle}`,
    body: `Gute Nachricht: ${child} ist von der Warteliste für „${offerTitle}“ (${unitLabel}) nachgerückt und hat jetzt einen fixen Platz.`,
  }),
  offerCancelled: ({ offerTitle }) => ({
    subject: `Abgesagt: ${offerTitle}`,
    body: `Leider wurde „${offerTitle}“ abgesagt. Ihre Anmeldungen dafür sind storniert.`,
  }),
};
