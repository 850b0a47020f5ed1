import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleGroup, ScheduleTargetInput, TimeWindow, type IScheduleTarget } from 'aws-cdk-lib/aws-scheduler';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { addAlarm, ALARM_PERIOD } from './alarms.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { RegiokursFunction } from './regiokurs-function.js';

export type TimedWorkProps = {
  regionId: string;
  timeZone: string;
  alarmTopic: ITopic;
  /** Where the due items wait; the function gets TABLE_NAME and the actions of `tableGrants.scheduled`. */
  table: ITable;
  /** The jobs write sealed outbox mail (reminders, offered places). */
  appSecret: ISecret;
};

/** What the sweep schedule sends the scheduled function (`createScheduledHandler` parses `{job, payload}`). */
const SWEEP_INPUT = '{"job":"sweep","payload":{}}';

/** The log line the sweep writes when it gives up on a due item (functions/jobs). */
const PARKED_JOB_PATTERN = FilterPattern.stringValue('$.event', '=', 'job.parked');

/**
 * Timed work: due items (registration opens, lottery draw, offer expiry, reminders) are records in
 * the table, not schedules. One EventBridge Scheduler schedule in the region's group invokes the
 * scheduled function every minute with the sweep job, which claims and runs what is due; the next
 * minute's run picks up anything a missed run left. Scheduler assumes a role that may invoke that
 * function only (and send to the schedule's dead-letter queue). A due item that keeps failing is
 * parked by the sweep and logged as `job.parked`, which raises an alarm.
 */
export class TimedWork extends Construct {
  readonly group: ScheduleGroup;
  readonly schedulerRole: Role;
  readonly handler: RegiokursFunction;
  readonly sweep: Schedule;

  constructor(scope: Construct, id: string, props: TimedWorkProps) {
    super(scope, id);
    const failed = new DeadLetterQueue(this, 'Failed', { holds: 'Scheduled jobs', alarmTopic: props.alarmTopic });
    this.handler = new RegiokursFunction(this, 'Scheduled', {
      entry: 'scheduled',
      description: 'Runs the job an EventBridge schedule names',
      table: props.table,
      appSecret: props.appSecret,
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

    this.sweep = this.addSweepSchedule(props.alarmTopic);
    this.addParkedJobAlarm(props.regionId, props.alarmTopic);
  }

  /**
   * Every minute, no flexible window. Scheduler's retries cover only the delivery (the invoke is
   * asynchronous; failed runs are Lambda's retries and `Failed` above): a delivery older than two
   * minutes is dropped, because the next run sweeps the same items, and an undelivered one is kept
   * in its own alarmed queue.
   */
  private addSweepSchedule(alarmTopic: ITopic): Schedule {
    const undelivered = new DeadLetterQueue(this, 'SweepUndelivered', { holds: 'Sweep invocations by EventBridge Scheduler', alarmTopic });
    this.schedulerRole.addToPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [undelivered.queue.queueArn] }));
    // Not `LambdaInvoke` from aws-scheduler-targets: it grants the role every version and alias
    // (`<arn>:*`) and a second statement; the role above already holds exactly what it needs.
    const target: IScheduleTarget = {
      bind: () => ({
        arn: this.handler.fn.functionArn,
        role: this.schedulerRole,
        input: ScheduleTargetInput.fromText(SWEEP_INPUT),
        retryPolicy: { maximumEventAgeInSeconds: Duration.minutes(2).toSeconds(), maximumRetryAttempts: 2 },
        deadLetterConfig: { arn: undelivered.queue.queueArn },
      }),
    };
    return new Schedule(this, 'Sweep', {
      scheduleName: 'sweep',
      description: 'Claims and runs the due work recorded in the table',
      scheduleGroup: this.group,
      schedule: ScheduleExpression.rate(Duration.minutes(1)),
      timeWindow: TimeWindow.off(),
      target,
    });
  }

  private addParkedJobAlarm(regionId: string, alarmTopic: ITopic) {
    const { logGroup } = this.handler;
    const filter = new MetricFilter(this, 'ParkedJobs', {
      logGroup,
      filterPattern: PARKED_JOB_PATTERN,
      // Per region: two regions in one account must not add up into one metric.
      metricNamespace: `regiokurs/${regionId}`,
      metricName: 'ParkedJobs',
      metricValue: '1',
    });
    addAlarm(this, 'ParkedJobsAlarm', alarmTopic, {
      metric: filter.metric({ period: ALARM_PERIOD, statistic: 'Sum' }),
      threshold: 1,
      description: [
        'The sweep parked a due job that kept failing and no longer retries it.',
        'The "job.parked" log line names it (kind, subject).',
        `Find it with CloudWatch Logs Insights on log group ${logGroup.logGroupName}:`,
        'fields @timestamp, kind, subject, @message | filter event = "job.parked" | sort @timestamp desc',
      ].join(' '),
    });
  }
}
