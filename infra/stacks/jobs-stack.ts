import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { MailSender } from '../constructs/regiokurs-function.js';
import { StreamProcessing } from '../constructs/stream-processing.js';
import { TimedWork } from '../constructs/timed-work.js';

export type JobsStackProps = StackProps & {
  regionId: string;
  table: ITable;
  alarmTopic: ITopic;
  timeZone: string;
  mail: MailSender;
};

/** Work nobody waits for on screen: timed jobs from EventBridge Scheduler and side effects from the table's stream. */
export class JobsStack extends Stack {
  readonly timedWork: TimedWork;
  readonly streamProcessing: StreamProcessing;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);
    const { regionId, table, alarmTopic, timeZone, mail } = props;
    // No job touches the table yet (tableGrants.scheduled is empty); the first that does adds its
    // actions there and passes the table on (RegiokursFunction refuses actions without a table).
    this.timedWork = new TimedWork(this, 'TimedWork', { regionId, timeZone, alarmTopic });
    this.streamProcessing = new StreamProcessing(this, 'StreamProcessing', { table, timeZone, alarmTopic, mail });
  }
}
