import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/** Alarms look at five-minute windows: short enough to act on, long enough to ignore a single blip. */
export const ALARM_PERIOD = Duration.minutes(5);

export type AlarmSpec = {
  metric: IMetric;
  /** Alarms at or above this value. */
  threshold: number;
  description: string;
};

/**
 * An alarm with the region's defaults: one period, missing data is fine (an idle region
 * has no invocations), and both the alarm and its recovery go to the topic.
 */
export function addAlarm(scope: Construct, id: string, topic: ITopic, spec: AlarmSpec): Alarm {
  const alarm = new Alarm(scope, id, {
    metric: spec.metric,
    threshold: spec.threshold,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: spec.description,
  });
  const action = new SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}
