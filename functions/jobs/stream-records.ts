import type { Logger } from '@aws-lambda-powertools/logger';
import { keys, partition, sortKey, type Key } from '../db/keys.js';
import type { Mailer } from '../ports/world.js';
import { bookedMailFromImage } from '../db/booked-mail.js';
import { mailFromImage } from '../db/mail-outbox.js';
import type { BookedMail } from '../ports/registrations.js';

/** The slice of a DynamoDB Streams record this handler reads (string and number attributes). */
type Image = Record<string, { S?: string; N?: string } | undefined>;
export type StreamRecord = {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  dynamodb?: { Keys?: Image; NewImage?: Image; OldImage?: Image; ApproximateCreationDateTime?: number };
};
export type StreamEvent = { Records: StreamRecord[] };

export type RegistrationStatusChange = {
  registrationId: string;
  offerId?: string;
  unitId?: string;
  /** `null` when the registration is new (from) or was deleted, e.g. by family data erasure (to). */
  from: string | null;
  to: string | null;
  /** When DynamoDB wrote the change. */
  at?: string;
};

const registrationKey = keys.registration('');

/** The status change a stream record carries, if it is a registration whose status changed. */
export function readRegistrationStatusChange(record: StreamRecord): RegistrationStatusChange | undefined {
  const { Keys, NewImage, OldImage, ApproximateCreationDateTime } = record.dynamodb ?? {};
  const pk = Keys?.pk?.S;
  if (Keys?.sk?.S !== registrationKey.sk || !pk?.startsWith(registrationKey.pk)) return undefined;
  const from = OldImage?.status?.S ?? null;
  const to = NewImage?.status?.S ?? null;
  if (from === to) return undefined;
  const image = NewImage ?? OldImage;
  return {
    registrationId: pk.slice(registrationKey.pk.length),
    offerId: image?.offerId?.S,
    unitId: image?.unitId?.S,
    from,
    to,
    ...(ApproximateCreationDateTime !== undefined && { at: new Date(ApproximateCreationDateTime * 1000).toISOString() }),
  };
}

/**
 * The unit a record shows with free places while families wait: offering a freed place did
 * not finish (the API offers it right after the cancellation; this is the guarantee).
 */
function readUnitOwingPlaces(record: StreamRecord): { offerId: string; unitId: string } | undefined {
  const { Keys, NewImage } = record.dynamodb ?? {};
  const unitKey = keys.unit('', '');
  const pk = Keys?.pk?.S;
  const sk = Keys?.sk?.S;
  if (!pk?.startsWith(unitKey.pk) || !sk?.startsWith(unitKey.sk)) return undefined;
  const free = Number(NewImage?.free?.N ?? 0);
  const waiting = Number(NewImage?.waiting?.N ?? 0);
  return free > 0 && waiting > 0 ? { offerId: pk.slice(unitKey.pk.length), unitId: sk.slice(unitKey.sk.length) } : undefined;
}

/**
 * DynamoDB Streams entry. An inserted outbox item is sent through the mailer and deleted, so is the
 * e-mail a booking's transaction filed, composed here from the household and the offer; a unit with free
 * places while families wait gets them offered to the first in line. A failure throws, so the batch is retried,
 * bisected and finally parked in the dead-letter queue. Every
 * registration status change becomes one structured log line: the trail support reads. Ids
 * only; names and contacts never reach the logs.
 */
export function createStreamHandler(ports: {
  mailer: Mailer;
  /** Opens the sealed mail of an outbox item (the runtime's `keys.outbox`). */
  outboxKey: Uint8Array;
  /** Deletes an outbox item once its mail is sent. */
  removeSent: (key: Key) => Promise<void>;
  /** Composes and sends the e-mail a booking filed (booking-mails.ts `tellBooked`). */
  tellBooked: (mail: BookedMail) => Promise<void>;
  logger: Pick<Logger, 'info'>;
  /** Offers the unit's free places to the first in its waitlist (the waitlist's `offerFreedPlaces`). */
  offerPlaces: (offerId: string, unitId: string) => Promise<void>;
}) {
  return async (event: StreamEvent): Promise<void> => {
    for (const record of event.Records) {
      const { Keys, NewImage } = record.dynamodb ?? {};
      const pk = Keys?.pk?.S;
      const sk = Keys?.sk?.S;
      if (record.eventName === 'INSERT' && pk?.startsWith(partition.mail) && sk?.startsWith(sortKey.mail) && NewImage) {
        const mail = mailFromImage(ports.outboxKey, NewImage);
        // Sealed under a key since rotated: it can never be sent, so it is dropped, not retried.
        if (mail) await ports.mailer.send(mail);
        else ports.logger.info('outbox mail unreadable, dropped', { event: 'mail.unreadable', mailKey: sk });
        await ports.removeSent({ pk, sk });
        continue;
      }
      const booked = record.eventName === 'INSERT' && NewImage ? bookedMailFromImage({ pk, sk }, NewImage) : undefined;
      if (booked && pk && sk) {
        await ports.tellBooked(booked);
        await ports.removeSent({ pk, sk });
        continue;
      }
      const owing = readUnitOwingPlaces(record);
      if (owing) {
        await ports.offerPlaces(owing.offerId, owing.unitId);
        continue;
      }
      const change = readRegistrationStatusChange(record);
      if (change) ports.logger.info('registration status changed', { event: 'registration.status_changed', ...change });
    }
  };
}
