import { Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

export type ObservabilityStackProps = StackProps & { alarmEmail: string };

/**
 * Where alarms go. The alarms themselves sit next to what they watch (functions, queues, API),
 * so nothing here changes when a function is replaced; the topic and its confirmed
 * e-mail subscription stay put.
 */
export class ObservabilityStack extends Stack {
  readonly alarmTopic: ITopic;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const topic = new Topic(this, 'Alarms', { displayName: 'regiokurs alarms', enforceSSL: true });
    topic.addSubscription(new EmailSubscription(props.alarmEmail));
    Validations.of(topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key, and the messages name only an alarm and a metric (no personal data); a customer-managed key would add a monthly fee for nothing to protect.',
    });
    this.alarmTopic = topic;
  }
}
