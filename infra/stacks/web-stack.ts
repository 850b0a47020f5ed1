import path from 'node:path';
import { CfnOutput, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { RegionConfig } from '../config.js';
import { Api } from '../constructs/api.js';
import { Site } from '../constructs/site.js';

export type WebStackProps = StackProps & {
  config: RegionConfig;
  table: ITable;
  appSecret: ISecret;
  alarmTopic: ITopic;
  /** The built web app; see `Site`. */
  siteAssetsDir?: string;
  /** The WAF web ACL (scope CLOUDFRONT, in us-east-1: the edge stack) the distribution is associated with. */
  webAclArn: string;
};

/**
 * What the browser talks to: CloudFront, the web app's bucket and the HTTP API behind `/api/*`.
 * API and site share a stack on purpose: CloudFront needs the API's host and the API function
 * needs the site's URL; split across two stacks that is a dependency cycle.
 */
export class WebStack extends Stack {
  readonly api: Api;
  readonly site: Site;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;
    // CloudFront sends it to the API origin, the API refuses requests without it (functions/api/origin-lock.ts):
    // the execute-api address is no way around CloudFront and its WAF.
    const originVerify = new Secret(this, 'OriginVerify', {
      description: 'regiokurs origin lock: CloudFront sends it to the HTTP API as X-Origin-Verify, the API refuses requests without it',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(originVerify).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Shared only between CloudFront (origin header, resolved by CloudFormation) and the API functions; a rotation would leave CloudFront on the old value until the next deployment, so it is replaced deliberately by a deployment (docs/DEPLOY.md), not on a timer.',
    });
    this.api = new Api(this, 'Api', {
      table: props.table,
      appSecret: props.appSecret,
      originVerify,
      alarmTopic: props.alarmTopic,
      timeZone: config.timeZone,
      ...(props.siteAssetsDir && { shellFile: path.join(props.siteAssetsDir, 'index.html') }),
    });
    this.site = new Site(this, 'Site', {
      api: this.api.httpApi,
      originVerify,
      webAclArn: props.webAclArn,
      domain: config.domain,
      embeddingOrigins: config.municipalities.flatMap((m) => (m.website ? [new URL(m.website).origin] : [])),
      assetsDir: props.siteAssetsDir,
    });
    for (const fn of [this.api.handler.fn, this.api.exportsHandler.fn]) fn.addEnvironment('PUBLIC_URL', this.site.url);

    new CfnOutput(this, 'Url', { value: this.site.url, description: 'The region’s web app' });
    new CfnOutput(this, 'SiteBucket', { value: this.site.bucket.bucketName });
    new CfnOutput(this, 'DistributionId', { value: this.site.distribution.distributionId });
    if (config.domain) {
      new CfnOutput(this, 'DnsTarget', {
        value: this.site.distribution.distributionDomainName,
        description: `Point ${config.domain.name} here (CNAME, or an alias record in Route 53)`,
      });
    }
  }
}
