import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mail, Mailer } from '../ports/world.js';

/** The cloud mailer: plain-text e-mails through SES, with the calendar entry as an attachment. */
export function createSesMailer(from: string, client = new SESv2Client({})): Mailer {
  return {
    async send(mail: Mail) {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [mail.to] },
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
              ...(mail.ics && {
                Attachments: [
                  {
                    FileName: 'termine.ics',
                    ContentType: 'text/calendar; charset=utf-8',
                    RawContent: new TextEncoder().encode(mail.ics),
                  },
                ],
              }),
            },
          },
        }),
      );
    },
  };
}
