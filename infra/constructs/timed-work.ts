import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { RegiokursFunction } from './regiokurs-function.js';

export type TimedWorkProps = {
  regionId: string;
  timeZone: string;
  alarmTopic: ITopic;
};

/**
 * Timed work: one schedule group for the region and a role EventBridge Scheduler assumes to
 * invoke the scheduled function. Schedules themselves (registration opens, lottery draw, offer
 * expiry, reminders) are one-off and created by the application for each offer in this group.
 */
export class TimedWork extends Construct {
  readonly group: ScheduleGroup;
  readonly schedulerRole: Role;
  readonly handler: RegiokursFunction;

  constructor(scope: Construct, id: string, props: TimedWorkProps) {
    super(scope, id);
    const failed = new DeadLetterQueue(this, 'Failed', { holds: 'Scheduled jobs', alarmTopic: props.alarmTopic });
    this.handler = new RegiokursFunction(this, 'Scheduled', {
      entry: 'scheduled',
      description: 'Runs the job an EventBridge schedule names',
      timeZone: props.timeZone,
      alarmTopic: props.alarmTopic,
      // A lottery draw over a large holiday programme is the longest job.
      timeout: Duration.minutes(5),
      // Scheduler invokes asynchronously: Lambda retries twice, then the event lands in the queue.
      retryAttempts: 2,
      onFailure: new SqsDestination(failed.queue),
    });

    this.group = new ScheduleGroup(this, 'Group', {
      scheduleGroupName: `regiokurs-${props.regionId}`,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const { account } = Stack.of(this);
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      description: 'Assumed by EventBridge Scheduler for the schedules of this region only',
      // Only schedules in this account's group may use the role (the confused-deputy guard Scheduler documents).
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': account },
        ArnEquals: { 'aws:SourceArn': this.group.scheduleGroupArn },
      }),
    });
    this.schedulerRole.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.handler.fn.functionArn] }));
  }
}
