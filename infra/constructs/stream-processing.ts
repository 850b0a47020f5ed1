import { Duration, Validations } from 'aws-cdk-lib';
import { StartingPosition, FilterCriteria, FilterRule } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { sortKey } from '../../functions/db/keys.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { RegiokursFunction, type MailSender } from './regiokurs-function.js';

export type StreamProcessingProps = {
  table: ITable;
  timeZone: string;
  alarmTopic: ITopic;
  /** The stream function sends the e-mails the API writes to the table. */
  mail: MailSender;
  /** Opens the sealed outbox mail. */
  appSecret: ISecret;
};

/**
 * Asynchronous side effects read from the table's stream. A failing batch is split in halves
 * until the one bad record is found and parked in the dead-letter queue, so one poison record
 * cannot hold up every change behind it in its shard.
 */
export class StreamProcessing extends Construct {
  readonly handler: RegiokursFunction;
  readonly deadLetters: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: StreamProcessingProps) {
    super(scope, id);
    this.deadLetters = new DeadLetterQueue(this, 'Failed', { holds: 'Stream records', alarmTopic: props.alarmTopic });
    // Sends the outbox e-mails and finishes promotions a cancellation left behind.
    this.handler = new RegiokursFunction(this, 'Stream', {
      entry: 'stream',
      description: 'Side effects of table changes (DynamoDB Streams)',
      timeZone: props.timeZone,
      alarmTopic: props.alarmTopic,
      mail: props.mail,
      appSecret: props.appSecret,
      // What promoteWaiting and its e-mail lookup send (tableGrants.stream).
      table: props.table,
      timeout: Duration.seconds(30),
    });
    this.handler.fn.addEventSource(
      new DynamoEventSource(props.table, {
        // From the oldest record still in the stream: a deployment must not skip changes.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(this.deadLetters.queue),
        // Only registration changes, unit changes, new outbox e-mails and the confirmations bookings filed: not invoked for other writes.
        filters: [
          FilterCriteria.filter({ dynamodb: { Keys: { sk: { S: FilterRule.isEqual(sortKey.registration) } } } }),
          FilterCriteria.filter({ eventName: FilterRule.isEqual('MODIFY'), dynamodb: { Keys: { sk: { S: FilterRule.beginsWith(sortKey.unit) } } } }),
          FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { Keys: { sk: { S: FilterRule.beginsWith(sortKey.mail) } } } }),
          FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { Keys: { sk: { S: FilterRule.beginsWith(sortKey.bookedMail) } } } }),
        ],
      }),
    );
    Validations.of(this.handler.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        "dynamodb:ListStreams, added by the event source, has no resource-level permissions; the stream reads themselves are limited to this table's stream ARN.",
    });
  }
}
