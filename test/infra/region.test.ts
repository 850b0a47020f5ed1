import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../functions/api/context.js';
import { exportRoutes } from '../../functions/api/routes/exports.js';
import { withRuntimeSecrets } from '../../functions/app-secret.js';
import { loadConfig } from '../../functions/config.js';
import { createTableInput, tableDefinition } from '../../functions/db/table.js';
import { measureBundleSizes } from '../../infra/bundle-sizes.js';
import { tableGrants } from '../../functions/db/table-actions.js';
import { API_THROTTLE, EXPORT_ROUTES } from '../../infra/constructs/api.js';
import type { LambdaName } from '../../infra/constructs/bundling.js';
import { SYNTH_TIMEOUT_MS, synthRegion, type SynthesisedRegion } from './support/region.js';
import { startSecretsExtension } from './support/secrets-extension.js';

/** Where each Lambda entry is deployed, by stack and function description. */
const functionOf: Record<LambdaName, ['web' | 'jobs', string]> = {
  api: ['web', 'regiokurs HTTP API (Hono)'],
  exports: ['web', 'regiokurs file exports (Hono, same app)'],
  stream: ['jobs', 'Side effects of table changes (DynamoDB Streams)'],
  scheduled: ['jobs', 'Runs the job an EventBridge schedule names'],
};

/** What the stream event source adds to the stream function's role: reading the stream, not the table. */
const STREAM_READ_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> };

let region: SynthesisedRegion;
beforeAll(() => {
  region = synthRegion();
}, SYNTH_TIMEOUT_MS);

const resourcesOf = (template: Template, type: string) => Object.values(template.findResources(type)) as Resource[];

/** Every IAM statement of a stack, with the policy's logical id for failure messages. */
type Statement = Record<string, any> & { policy: string };
function statementsOf(template: Template): Statement[] {
  return Object.entries(template.findResources('AWS::IAM::Policy')).flatMap(([id, policy]) =>
    (policy.Properties.PolicyDocument.Statement as Array<Record<string, any>>).map((s) => ({ policy: id, ...s })),
  );
}
const actionsOf = (statement: Record<string, any>): string[] => [statement.Action].flat();

/** The statements of every policy attached to the role with this logical id. */
function statementsOfRole(template: Template, roleId: string): Statement[] {
  return statementsOf(template).filter((s) => {
    const policy = template.findResources('AWS::IAM::Policy')[s.policy];
    return policy?.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId);
  });
}

/** The Lambda function with this description, and the statements of its role. */
function lambdaNamed(template: Template, description: string) {
  const [id, fn] = Object.entries(template.findResources('AWS::Lambda::Function', { Properties: { Description: description } }))[0] ?? [];
  if (!id || !fn) throw new Error(`no function "${description}"`);
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  return { id, fn: fn as Resource, statements: statementsOfRole(template, roleId) };
}

/** The one resource of this type, with its logical id. */
function onlyOf(template: Template, type: string) {
  const entries = Object.entries(template.findResources(type));
  expect(entries, type).toHaveLength(1);
  const [id, resource] = entries[0]!;
  return { id, resource: resource as Resource };
}

describe('data stack', () => {
  it('builds the table from the local definition: the same key schema, attributes and indexes', () => {
    const [table] = resourcesOf(region.templates.data, 'AWS::DynamoDB::Table');
    const local = createTableInput('any');
    expect(table?.Properties.KeySchema).toEqual(local.KeySchema);
    expect(table?.Properties.AttributeDefinitions).toEqual(expect.arrayContaining(local.AttributeDefinitions ?? []));
    expect(table?.Properties.AttributeDefinitions).toHaveLength(local.AttributeDefinitions?.length ?? 0);
    expect(table?.Properties.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(table?.Properties.StreamSpecification).toEqual({ StreamViewType: local.StreamSpecification?.StreamViewType });
  });

  it('is on-demand, recoverable, protected, encrypted, with TTL', () => {
    region.templates.data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
    });
  });

  it('keeps a stable logical id and termination protection', () => {
    expect(Object.keys(region.templates.data.findResources('AWS::DynamoDB::Table'))).toEqual([expect.stringMatching(/^Table[0-9A-F]{8}$/)]);
    expect(region.region.data.terminationProtection).toBe(true);
  });
});

describe('functions (house construct)', () => {
  const all = () => [
    ...resourcesOf(region.templates.web, 'AWS::Lambda::Function').filter((f) => f.Properties.Description?.startsWith('regiokurs')),
    ...resourcesOf(region.templates.jobs, 'AWS::Lambda::Function'),
  ];

  it('run Node.js 22 on arm64 with JSON logs into their own log group', () => {
    expect(all()).toHaveLength(Object.keys(functionOf).length);
    for (const fn of all()) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', LogGroup: { Ref: expect.any(String) } },
      });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        APP_MODE: 'cloud',
        TIME_ZONE: 'Europe/Vienna',
        NODE_OPTIONS: '--enable-source-maps',
      });
    }
  });

  it('ship minified ESM bundles with source maps and the AWS SDK inside', () => {
    const apiAsset = assetDirOf(region, ...functionOf.api);
    const code = readFileSync(path.join(apiAsset, 'index.mjs'), 'utf8');
    expect(readFileSync(path.join(apiAsset, 'index.mjs.map'), 'utf8')).toContain('"mappings"');
    // Minified: thousands of characters per line.
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000);
    // Bundled, not imported from the runtime's copy.
    expect(code).not.toMatch(/from\s*["']@aws-sdk\//);
    expect(code).toContain('DynamoDB_20120810');
  });

  it("carry the web build's shell in the API function, where offer pages read it (functions/api/offer-page.ts)", () => {
    const shell = readFileSync(path.join(region.siteAssetsDir, 'index.html'), 'utf8');
    expect(readFileSync(path.join(assetDirOf(region, ...functionOf.api), 'web/dist/index.html'), 'utf8')).toBe(shell);
  });

  it('are bundled exactly as infra/bundle-sizes.ts measures them', async () => {
    const measured = await measureBundleSizes();
    for (const { name, bytes } of measured) {
      const [stack, description] = functionOf[name];
      const staged = statSync(path.join(assetDirOf(region, stack, description), 'index.mjs')).size;
      expect(bytes, name).toBe(staged);
    }
  });

  it('have their own roles with no AWS managed policies', () => {
    for (const template of [region.templates.web, region.templates.jobs]) {
      for (const role of resourcesOf(template, 'AWS::IAM::Role').filter((r) => !isCdkUploader(r))) {
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      }
    }
  });

  it('each have error, throttle and p99-duration alarms sent to the alarm topic', () => {
    for (const [template, count] of [
      [region.templates.web, 2],
      [region.templates.jobs, 2],
    ] as const) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(resourcesOf(template, 'AWS::CloudWatch::Alarm').filter((a) => a.Properties.MetricName === metric)).toHaveLength(count);
      }
      const p99 = resourcesOf(template, 'AWS::CloudWatch::Alarm').filter((a) => a.Properties.ExtendedStatistic === 'p99');
      expect(p99).toHaveLength(count);
      for (const alarm of resourcesOf(template, 'AWS::CloudWatch::Alarm')) {
        expect(alarm.Properties.AlarmActions).toEqual([{ 'Fn::ImportValue': expect.stringContaining('Alarms') }]);
      }
    }
  });
});

describe('api', () => {
  it('the API function may Query only the table and its named indexes', () => {
    const { statements, fn } = lambdaNamed(region.templates.web, functionOf.api[1]);
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    const query = dynamo.find((s) => actionsOf(s).includes('dynamodb:Query'));
    expect(JSON.stringify(query?.Resource)).toContain('/index/gsi1');
    expect(JSON.stringify(query?.Resource)).toContain('/index/gsi2');
    expect(JSON.stringify(dynamo)).not.toContain('index/*');
    expect(fn.Properties.Environment.Variables.TABLE_NAME).toEqual({ 'Fn::ImportValue': expect.stringContaining('Table') });
  });

  it('may not send e-mail itself (it writes them to the table)', () => {
    const { statements, fn } = lambdaNamed(region.templates.web, functionOf.api[1]);
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('ses:'))).toEqual([]);
    expect(JSON.stringify(fn.Properties.Environment.Variables.PUBLIC_URL)).toContain('DomainName');
  });

  it('sends the files (exactly the routes of the exports module) to the exports function and everything else to the API function', () => {
    const { web } = region.templates;
    const exportsFn = lambdaNamed(web, functionOf.exports[1]);
    const routes = Object.values(web.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    const integrations = web.findResources('AWS::ApiGatewayV2::Integration') as Record<string, Resource>;
    const integrationOf = (route: Resource | undefined) => {
      const target = JSON.stringify(route?.Properties.Target);
      return integrations[Object.keys(integrations).find((id) => target.includes(id)) ?? ''];
    };
    const fileRoutes = EXPORT_ROUTES.map((p) => `GET ${p}`);
    for (const key of fileRoutes) {
      expect(JSON.stringify(integrationOf(routes.find((r) => r.Properties.RouteKey === key))?.Properties.IntegrationUri), key).toContain(exportsFn.id);
    }
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(['$default', ...fileRoutes].sort());
    // The module the exports Lambda mounts answers exactly these paths (Hono's `:id` is the HTTP API's `{id}`).
    const app = exportRoutes({ ports: {}, config: {} } as AppContext);
    const paths = [...new Set(app.routes.map((r) => `/api${r.path.replace(/:(\w+)/g, '{$1}')}`))];
    expect(paths.sort()).toEqual([...EXPORT_ROUTES].sort());
  });

  it('sits behind an HTTP API with throttling and JSON access logs', () => {
    const { web } = region.templates;
    web.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    web.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
    web.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    web.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: API_THROTTLE.rateLimit, ThrottlingBurstLimit: API_THROTTLE.burstLimit },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, Format: Match.stringLikeRegexp('"status":"\\$context.status"') },
    });
    web.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: '5xx', Namespace: 'AWS/ApiGateway' });
  });
});

describe('web', () => {
  it('keeps the bucket private and encrypted, readable by CloudFront through origin access control only', () => {
    const { web } = region.templates;
    web.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    web.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    web.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('answers with security headers, allowing only the municipalities to frame the calendar', () => {
    const [policy] = resourcesOf(region.templates.web, 'AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.ReferrerPolicy.ReferrerPolicy).toBe('strict-origin-when-cross-origin');
    expect(headers.ContentSecurityPolicy.ContentSecurityPolicy).toMatch(/frame-ancestors 'self' https:\/\/www\.ahorn\.example$/);
    expect(headers.ContentSecurityPolicy.ContentSecurityPolicy).toContain("default-src 'self'");
  });

  it('serves the SPA for page routes at the edge and passes /api/* to the HTTP API uncached', () => {
    const { web } = region.templates;
    const [fn] = resourcesOf(web, 'AWS::CloudFront::Function');
    expect(fn?.Properties.FunctionCode).toContain("request.uri = '/index.html'");
    const [distribution] = resourcesOf(web, 'AWS::CloudFront::Distribution');
    const config = distribution?.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.any(String), 'FunctionARN'] } },
      { EventType: 'viewer-response', FunctionARN: { 'Fn::GetAtt': [expect.any(String), 'FunctionARN'] } },
    ]);
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader
    });
    const apiOrigin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('execute-api');
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
  });

  it('uploads the built app and invalidates the cache on deploy', () => {
    region.templates.web.hasResourceProperties('Custom::CDKBucketDeployment', { DistributionPaths: ['/*'] });
  });
});

describe('e-mail', () => {
  it('verifies the sender domain with DKIM', () => {
    region.templates.mail.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'testtal.example' });
    expect(Object.keys(region.templates.mail.findOutputs('*')).filter((o) => o.startsWith('DkimRecord'))).toHaveLength(3);
  });
});

describe('timed work', () => {
  it('has a schedule group and a role only Scheduler, for this group, can assume, to invoke the scheduled function only', () => {
    const { jobs } = region.templates;
    jobs.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'regiokurs-testtal' });
    jobs.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [Match.stringLikeRegexp('^TimedWorkGroup'), 'Arn'] } },
            },
          },
        ],
      },
    });
    const scheduled = lambdaNamed(jobs, functionOf.scheduled[1]);
    const invoke = statementsOf(jobs).filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
    expect(invoke).toEqual([expect.objectContaining({ Resource: { 'Fn::GetAtt': [scheduled.id, 'Arn'] } })]);
  });

  it('parks events that failed all retries in an alarmed dead-letter queue; names the table, with exactly the actions the jobs send', () => {
    const { jobs } = region.templates;
    const scheduled = lambdaNamed(jobs, functionOf.scheduled[1]);
    jobs.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TimedWorkFailed'), 'Arn'] } } },
    });
    expect(scheduled.fn.Properties.Environment.Variables.TABLE_NAME).toEqual({ 'Fn::ImportValue': expect.stringContaining('Table') });
    const onTable = scheduled.statements.flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'));
    expect(onTable.sort()).toEqual(tableGrants.scheduled.map((a) => `dynamodb:${a}`).sort());
  });

  it('runs one sweep schedule in the group every minute, without a flexible window, invoking the scheduled function with exactly the sweep input', () => {
    const { jobs } = region.templates;
    const scheduled = lambdaNamed(jobs, functionOf.scheduled[1]);
    const { resource: schedule } = onlyOf(jobs, 'AWS::Scheduler::Schedule');
    expect(schedule.Properties).toMatchObject({
      Name: 'sweep',
      GroupName: 'regiokurs-testtal',
      ScheduleExpression: 'rate(1 minute)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
    });
    expect(schedule.Properties.Target.Arn).toEqual({ 'Fn::GetAtt': [scheduled.id, 'Arn'] });
    expect(schedule.Properties.Target.Input).toBe('{"job":"sweep","payload":{}}');
  });

  it('gives the sweep a short retry and its own alarmed dead-letter queue; its role may invoke the scheduled function and send to that queue, nothing else', () => {
    const { jobs } = region.templates;
    const scheduled = lambdaNamed(jobs, functionOf.scheduled[1]);
    const { Target: target } = onlyOf(jobs, 'AWS::Scheduler::Schedule').resource.Properties;
    // A missed minute is swept by the next one: no point in delivering a run older than two minutes.
    expect(target.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 120, MaximumRetryAttempts: 2 });
    const [queueId] = target.DeadLetterConfig.Arn['Fn::GetAtt'];
    expect(queueId).toMatch(/^TimedWorkSweepUndelivered/);
    expect(queueId).not.toMatch(/^TimedWorkFailed/);
    jobs.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
      AlarmActions: [{ 'Fn::ImportValue': Match.stringLikeRegexp('Alarms') }],
    });

    const [roleId] = target.RoleArn['Fn::GetAtt'];
    expect(roleId).toMatch(/^TimedWorkSchedulerRole/);
    const role = jobs.findResources('AWS::IAM::Role')[roleId]!;
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([expect.objectContaining({ Principal: { Service: 'scheduler.amazonaws.com' } })]);
    const statements = statementsOfRole(jobs, roleId).map(({ Effect, Action, Resource, Condition }) => ({ Effect, Action, Resource, Condition }));
    expect(statements).toEqual([
      { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [scheduled.id, 'Arn'] }, Condition: undefined },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [queueId, 'Arn'] }, Condition: undefined },
    ]);
  });

  it("alarms on a parked job through a metric filter on the scheduled function's log group, saying where to find it", () => {
    const { jobs } = region.templates;
    const scheduled = lambdaNamed(jobs, functionOf.scheduled[1]);
    const logGroup = scheduled.fn.Properties.LoggingConfig.LogGroup;
    const { resource: filter } = onlyOf(jobs, 'AWS::Logs::MetricFilter');
    expect(filter.Properties).toMatchObject({ FilterPattern: '{ $.event = "job.parked" }', LogGroupName: logGroup });
    const [{ MetricName, MetricNamespace, MetricValue }] = filter.Properties.MetricTransformations;
    expect(MetricValue).toBe('1');

    const alarms = resourcesOf(jobs, 'AWS::CloudWatch::Alarm').filter(
      (a) => a.Properties.MetricName === MetricName && a.Properties.Namespace === MetricNamespace,
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.Properties).toMatchObject({
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      AlarmActions: [{ 'Fn::ImportValue': expect.stringContaining('Alarms') }],
    });
    const description = JSON.stringify(alarms[0]?.Properties.AlarmDescription);
    expect(description).toContain('(kind, subject)');
    expect(description).toContain('CloudWatch Logs Insights');
    expect(description).toContain(JSON.stringify(logGroup));
    expect(description).toContain(String.raw`filter event = \"job.parked\"`);
  });
});

describe('stream processing', () => {
  it('reads the table stream with bisect-on-error, bounded retries and a dead-letter queue, for registrations, units and new e-mails only', () => {
    region.templates.jobs.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('StreamArn') },
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 86_400,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^StreamProcessingFailed'), 'Arn'] } } },
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ dynamodb: { Keys: { sk: { S: ['REG'] } } } }) },
          { Pattern: JSON.stringify({ eventName: ['MODIFY'], dynamodb: { Keys: { sk: { S: [{ prefix: 'UNIT#' }] } } } }) },
          { Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: [{ prefix: 'MAIL#' }] } } } }) },
          { Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: [{ prefix: 'REQ#' }] } } } }) },
        ],
      },
    });
  });

  it('sends the outbox e-mails, only from the configured sender', () => {
    const { statements, fn } = lambdaNamed(region.templates.jobs, functionOf.stream[1]);
    expect(statements.filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')))).toEqual([
      expect.objectContaining({
        Action: 'ses:SendEmail',
        Condition: { StringEquals: { 'ses:FromAddress': 'noreply@testtal.example' } },
      }),
    ]);
    expect(fn.Properties.Environment.Variables.MAIL_FROM).toBe('noreply@testtal.example');
  });

  it('reads the table stream, and only the stream function does', () => {
    for (const name of Object.keys(functionOf) as LambdaName[]) {
      const { statements } = lambdaNamed(region.templates[functionOf[name][0]], functionOf[name][1]);
      const reads = statements
        .flatMap(actionsOf)
        .filter((a) => STREAM_READ_ACTIONS.includes(a))
        .sort();
      expect(reads, name).toEqual(name === 'stream' ? [...STREAM_READ_ACTIONS].sort() : []);
    }
  });
});

describe('observability', () => {
  it('sends alarms to an SNS topic (TLS only) with the alarm e-mail subscribed', () => {
    const { observability } = region.templates;
    observability.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'it@testtal.example' });
    observability.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
  });

  it('alarms on any message in each dead-letter queue (scheduled jobs, sweep delivery, stream)', () => {
    const depth = resourcesOf(region.templates.jobs, 'AWS::CloudWatch::Alarm').filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(depth).toHaveLength(resourcesOf(region.templates.jobs, 'AWS::SQS::Queue').length);
    expect(depth).toHaveLength(3);
    for (const alarm of depth) expect(alarm.Properties).toMatchObject({ Threshold: 1, Statistic: 'Maximum' });
  });
});

describe('table grants', () => {
  // tableGrants is what test/int/table-grants.test.ts proves each entry point sends (a new call
  // fails there); here the synthesised roles must carry exactly that list, so the construct
  // cannot drop or add a grant on its way into the template.
  it.each(Object.keys(functionOf) as LambdaName[])('the %s function is granted exactly the table actions its code sends', (name) => {
    const [stack, description] = functionOf[name];
    const { statements } = lambdaNamed(region.templates[stack], description);
    const onTable = statements.flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:') && !STREAM_READ_ACTIONS.includes(a));
    expect(onTable.sort()).toEqual(tableGrants[name].map((a) => `dynamodb:${a}`).sort());
  });

  it('grants the API function dynamodb:BatchGetItem, which the dashboard reads its counters with', () => {
    const { statements } = lambdaNamed(region.templates.web, functionOf.api[1]);
    expect(statements.flatMap(actionsOf)).toContain('dynamodb:BatchGetItem');
  });
});

describe('least privilege', () => {
  it('grants no action wildcards in our own policies', () => {
    for (const template of Object.values(region.templates)) {
      for (const statement of statementsOf(template).filter((s) => !s.policy.startsWith('CustomCDKBucketDeployment'))) {
        for (const action of actionsOf(statement)) expect(action, statement.policy).not.toContain('*');
      }
    }
  });

  it('allows Resource "*" only for actions without resource-level permissions', () => {
    const starActions = Object.values(region.templates)
      .flatMap(statementsOf)
      .filter((s) => s.Resource === '*')
      .flatMap(actionsOf)
      .sort();
    expect(starActions).toEqual(['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation', 'dynamodb:ListStreams']);
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('finds no unacknowledged error or warning', () => {
    const report = new AwsSolutionsChecks(region.app).validateScope(region.app);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}`)).toEqual([]);
  });

  it('has a written reason for every acknowledgement', () => {
    const acknowledged = Object.values(region.templates)
      .flatMap((t) => Object.values(t.toJSON().Resources as Record<string, Resource>))
      .flatMap((r) => (r.Metadata?.cdk_nag?.rules_to_suppress ?? []) as Array<{ id: string; reason: string }>);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { id, reason } of acknowledged) expect(reason.length, id).toBeGreaterThan(40);
  });
});

/** The directory CDK bundled a function into, found through the asset manifest. */
function assetDirOf(synth: SynthesisedRegion, stack: 'web' | 'jobs', description: string) {
  const { fn } = lambdaNamed(synth.templates[stack], description);
  const key = fn.Properties.Code.S3Key as string;
  return path.join(synth.assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
}

function isCdkUploader(role: Resource) {
  return JSON.stringify(role.Properties.ManagedPolicyArns ?? '').includes('AWSLambdaBasicExecutionRole') && !role.Properties.Description;
}

describe('the application secret', () => {
  it('lives in the data stack, generated', () => {
    region.templates.data.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    });
    // The web stack holds one secret of its own, the origin lock's (edge.test.ts), not this one.
    expect(Object.keys(region.templates.web.findResources('AWS::SecretsManager::Secret'))).toEqual([expect.stringMatching(/^OriginVerify/)]);
  });

  it('is named, never held, by every function: no template carries its value or a reference that resolves to it', () => {
    for (const name of Object.keys(functionOf) as LambdaName[]) {
      const { fn, statements } = lambdaNamed(region.templates[functionOf[name][0]], functionOf[name][1]);
      const env = fn.Properties.Environment.Variables;
      expect(env.SESSION_SECRET, name).toBeUndefined();
      expect(JSON.stringify(env.APP_SECRET_ARN), name).toContain('AppSecret');
      // The Parameters and Secrets extension serves it on the function's first request.
      expect(JSON.stringify(fn.Properties.Layers), name).toContain('AWS-Parameters-and-Secrets-Lambda-Extension');
      const reads = statements.filter((s) => actionsOf(s).includes('secretsmanager:GetSecretValue'));
      // The API functions may read the origin lock's secret as well (edge.test.ts).
      expect(
        reads.map((s) => JSON.stringify(s.Resource)).filter((r) => !r.includes('OriginVerify')),
        name,
      ).toEqual([expect.stringContaining('AppSecret')]);
    }
    // The one value CloudFormation resolves is the origin lock's, into CloudFront's origin header.
    for (const [stack, template] of Object.entries(region.templates)) {
      const text = JSON.stringify(template.toJSON());
      const resolved = text.split('{{resolve:secretsmanager:').slice(1);
      expect(resolved.length, stack).toBe(stack === 'web' ? 1 : 0);
      for (const rest of resolved) expect(rest.slice(0, 40), stack).toMatch(/^","?\{"Ref":"OriginVerify/);
    }
  });

  it('reaches each function through the extension, and its environment is one the configuration accepts as the cloud', async () => {
    // Prepare: the extension's localhost endpoint, answering only with the function's token.
    const secretValue = 'y'.repeat(64);
    const token = 'session-token-of-the-function';
    const port = await startSecretsExtension({ 'arn:aws:secretsmanager:eu-central-1:1:secret:AppSecret': secretValue }, token);
    // Deploy-time values (references to other resources) stand in as plausible literals.
    const deployed: Record<string, string> = {
      TABLE_NAME: 'regiokurs-testtal-data-Table',
      PUBLIC_URL: 'https://d111.cloudfront.net',
      APP_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:1:secret:AppSecret',
    };
    const lambdaEnv = { AWS_SESSION_TOKEN: token, PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port };

    for (const name of Object.keys(functionOf) as LambdaName[]) {
      const { fn } = lambdaNamed(region.templates[functionOf[name][0]], functionOf[name][1]);
      const env = Object.fromEntries(
        Object.entries(fn.Properties.Environment.Variables as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : deployed[k]]),
      );

      // Act
      const config = loadConfig(await withRuntimeSecrets({ ...env, ...lambdaEnv }), name);

      // Assess
      expect(config, name).toMatchObject({ APP_MODE: 'cloud', TIME_ZONE: 'Europe/Vienna', SESSION_SECRET: secretValue });
    }
    await expect(withRuntimeSecrets({ APP_SECRET_ARN: deployed.APP_SECRET_ARN, PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port })).rejects.toThrow('HTTP 401');
  });
});
