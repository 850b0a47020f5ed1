import { Tags, Validations, type App, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { RegionConfig } from './config.js';
import { DataStack } from './stacks/data-stack.js';
import { EdgeStack } from './stacks/edge-stack.js';
import { JobsStack } from './stacks/jobs-stack.js';
import { MailStack } from './stacks/mail-stack.js';
import { ObservabilityStack } from './stacks/observability-stack.js';
import { WebStack } from './stacks/web-stack.js';

export type RegionOptions = {
  /** The AWS account; left open, the stacks deploy to whichever account the credentials name. */
  account?: string;
  /** The built web app to upload; see `Site`. */
  siteAssetsDir?: string;
};

/** CloudFront takes its WAF web ACL from this AWS region only. */
const CLOUDFRONT_REGION = 'us-east-1';

/**
 * One region's deployment: the long-lived stacks (data, mail, observability) first, then the
 * stateless ones that receive them through props. Exports only flow out of the long-lived stacks
 * and out of the edge stack (the web ACL, in us-east-1, read by the web stack through a
 * cross-region reference), so replacing a function never has to touch a stack that holds state.
 */
export function buildRegion(app: App, config: RegionConfig, options: RegionOptions = {}) {
  const env: Environment = { account: options.account, region: config.awsRegion };
  const name = (part: string) => `regiokurs-${config.id}-${part}`;

  const data = new DataStack(app, 'Data', {
    env,
    stackName: name('data'),
    description: `regiokurs ${config.name}: the table and the application secret`,
    terminationProtection: true,
  });
  const mail = new MailStack(app, 'Mail', {
    env,
    stackName: name('mail'),
    description: `regiokurs ${config.name}: SES sender identity`,
    senderEmail: config.senderEmail,
  });
  const observability = new ObservabilityStack(app, 'Observability', {
    env,
    stackName: name('observability'),
    description: `regiokurs ${config.name}: alarm topic`,
    alarmEmail: config.alarmEmail,
  });
  const edge = new EdgeStack(app, 'Edge', {
    env: { account: options.account, region: CLOUDFRONT_REGION },
    stackName: name('edge'),
    description: `regiokurs ${config.name}: WAF web ACL of the CloudFront distribution (us-east-1)`,
    regionId: config.id,
    crossRegionReferences: true,
  });
  const shared = { table: data.table, appSecret: data.appSecret, alarmTopic: observability.alarmTopic };
  const jobs = new JobsStack(app, 'Jobs', {
    env,
    stackName: name('jobs'),
    description: `regiokurs ${config.name}: scheduled jobs and stream processing`,
    regionId: config.id,
    timeZone: config.timeZone,
    mail: mail.sender,
    ...shared,
  });
  const web = new WebStack(app, 'Web', {
    env,
    stackName: name('web'),
    description: `regiokurs ${config.name}: web app, CloudFront and HTTP API`,
    config,
    siteAssetsDir: options.siteAssetsDir,
    webAclArn: edge.webAcl.attrArn,
    crossRegionReferences: true,
    ...shared,
  });

  Tags.of(app).add('project', 'regiokurs');
  Tags.of(app).add('regiokurs:region', config.id);
  // Every synth is checked against the AWS Solutions rules and fails on a finding nobody acknowledged;
  // acknowledgements sit next to their resources and are copied into the templates as an audit trail.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));
  return { data, mail, observability, edge, jobs, web };
}
