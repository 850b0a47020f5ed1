import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
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
  appSecret: ISecret;
};

/** Work nobody waits for on screen: timed jobs from EventBridge Scheduler and side effects from the table's stream. */
export class JobsStack extends Stack {
  readonly timedWork: TimedWork;
  readonly streamProcessing: StreamProcessing;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);
    const { regionId, table, alarmTopic, timeZone, mail, appSecret } = props;
    // The sweep reads its due items from the table: the function gets TABLE_NAME, and exactly the
    // actions listed in tableGrants.scheduled (none until the sweep's code sends them).
    this.timedWork = new TimedWork(this, 'TimedWork', { regionId, timeZone, alarmTopic, table, appSecret });
    this.streamProcessing = new StreamProcessing(this, 'StreamProcessing', { table, timeZone, alarmTopic, mail, appSecret });
  }
}
