import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { addAlarm, ALARM_PERIOD } from './alarms.js';
import { RegiokursFunction } from './regiokurs-function.js';

export type ApiProps = {
  table: ITable;
  /** Signs sessions and keys login codes and outbox mail (read at run time, see RegiokursFunction). */
  appSecret: ISecret;
  /** The origin-lock value CloudFront sends as X-Origin-Verify; the API functions (only they) may read it. */
  originVerify: ISecret;
  alarmTopic: ITopic;
  timeZone: string;
  /**
   * The web app's built index.html: the API function carries it to answer offer pages with the
   * offer in the head (functions/api/offer-page.ts); without it those pages get a bare shell.
   */
  shellFile?: string;
};

/**
 * Steady requests per second and burst for the whole API; a registration rush of a few hundred
 * families fits. Per client, the WAF web ACL in front of CloudFront limits requests (edge-stack.ts).
 */
export const API_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * Routes the exports Lambda answers: the files of functions/api/routes/exports.ts, whose libraries
 * (iCal, CSV, PDF and its fonts) stay out of the API function (test/infra/region.test.ts holds the two lists together).
 */
export const EXPORT_ROUTES = [
  '/api/calendar.ics',
  '/api/feeds/family/{token}',
  '/api/dashboard.csv',
  '/api/provider/offers/{id}/attendance.csv',
  '/api/provider/offers/{id}/attendance.pdf',
] as const;

/**
 * The Hono app on Lambda behind an HTTP API: a catch-all route to the API function (the app
 * does its own routing), and the files (calendar feeds, CSV and PDF lists) to a second function
 * of the same app whose bundle carries their libraries, so the function every booking goes through stays small.
 */
export class Api extends Construct {
  readonly handler: RegiokursFunction;
  readonly exportsHandler: RegiokursFunction;
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const functionProps = {
      timeZone: props.timeZone,
      alarmTopic: props.alarmTopic,
      // Each function gets the table actions its own code sends (tableGrants in functions/db/table-actions.ts).
      table: props.table,
      appSecret: props.appSecret,
    };
    this.handler = new RegiokursFunction(this, 'Api', {
      ...functionProps,
      entry: 'api',
      description: 'regiokurs HTTP API (Hono)',
      // Where offer-page.ts reads it, relative to the function's working directory.
      ...(props.shellFile && { files: { 'web/dist/index.html': props.shellFile } }),
      // No SES here: the API writes e-mails to the table and the stream function sends them.
      // More memory is more CPU on Lambda: it shortens cold starts in the registration rush.
      memorySize: 1024,
    });
    this.exportsHandler = new RegiokursFunction(this, 'Exports', {
      ...functionProps,
      entry: 'exports',
      description: 'regiokurs file exports (Hono, same app)',
      memorySize: 1024,
    });
    // Both answer requests the HTTP API routes to them, so both check the origin lock.
    for (const fn of [this.handler, this.exportsHandler]) {
      props.originVerify.grantRead(fn.role);
      fn.fn.addEnvironment('ORIGIN_VERIFY_SECRET_ARN', props.originVerify.secretArn);
    }

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'regiokurs API (reached through CloudFront under /api/*)',
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration('Lambda', this.handler.fn),
      // No CORS configuration: the web app calls the API on its own origin (CloudFront), and
      // with one API Gateway would drop the CORS headers the app sets for public reads (any
      // origin, functions/api/public-read.ts).
    });
    const exportsIntegration = new HttpLambdaIntegration('Exports', this.exportsHandler.fn);
    for (const path of EXPORT_ROUTES) this.httpApi.addRoutes({ path, methods: [HttpMethod.GET], integration: exportsIntegration });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            responseLength: '$context.responseLength',
          }),
        ),
      },
    });
    addAlarm(this, 'ServerErrors', props.alarmTopic, {
      metric: stage.metricServerError({ period: ALARM_PERIOD, statistic: 'Sum' }),
      threshold: 5,
      description: 'The API answered 5xx at least five times in five minutes',
    });
    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The API serves public routes (catalog, login) and signed-in routes; the app checks the session and the role on every route (DESIGN.md: roles are checked in the API), which an API Gateway authorizer cannot express.',
    });
  }
}
