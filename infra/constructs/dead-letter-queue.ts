import { Duration, Validations } from 'aws-cdk-lib';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { addAlarm, ALARM_PERIOD } from './alarms.js';

export type DeadLetterQueueProps = {
  /** What ends up here, for the alarm text an operator reads. */
  holds: string;
  alarmTopic: ITopic;
};

/**
 * Where work that failed all its retries waits for a person: kept 14 days (the SQS maximum),
 * and any message in it raises an alarm, because each one is a booking side effect that did not happen.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue (a Lambda failure destination); a DLQ for a DLQ would only move the problem.',
    });
    addAlarm(this, 'Depth', props.alarmTopic, {
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: 'Maximum' }),
      threshold: 1,
      description: `${props.holds} failed all retries and wait in the dead-letter queue`,
    });
  }
}
