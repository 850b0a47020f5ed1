import path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type ICommandHooks, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { tableGrants, type TableAction } from '../../functions/db/table-actions.js';
import { tableDefinition } from '../../functions/db/table.js';
import { addAlarm, ALARM_PERIOD } from './alarms.js';
import { bundling, lambdaEntries, projectRoot, type LambdaName } from './bundling.js';

/** The SES identity a function sends from and the one address it may use as sender. */
export type MailSender = { identityArn: string; from: string };

export type RegiokursFunctionProps = {
  /** Which entry of `lambdaEntries` to bundle. */
  entry: LambdaName;
  description: string;
  /**
   * The table; the function is granted exactly what its entry's code sends to it
   * (`tableGrants[entry]`, functions/db/table-actions.ts) and TABLE_NAME names it.
   */
  table?: ITable;
  /** Lets the function send e-mail from `from` only; also sets MAIL_FROM. */
  mail?: MailSender;
  /**
   * The application secret: the function may read this one secret, APP_SECRET_ARN names it, and
   * the Parameters and Secrets extension serves it (functions/app-secret.ts). Its value is never
   * in the function's configuration.
   */
  appSecret?: ISecret;
  /** Receives the function's error, throttle and p99-duration alarms. */
  alarmTopic: ITopic;
  timeZone: string;
  environment?: Record<string, string>;
  /**
   * Files the code reads at run time, copied into the bundle: the path the code opens (relative
   * to /var/task, the function's working directory) → the file on this machine.
   */
  files?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
} & Pick<NodejsFunctionProps, 'deadLetterQueue' | 'retryAttempts' | 'onFailure'>;

/** esbuild's hooks that copy `files` beside the bundle once it is built (local bundling runs them in a shell). */
const copyInto = (files: Record<string, string>): ICommandHooks => ({
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (_inputDir, outputDir) =>
    Object.entries(files).flatMap(([to, from]) => {
      const target = path.posix.join(outputDir, to);
      return [`mkdir -p "${path.posix.dirname(target)}"`, `cp "${from}" "${target}"`];
    }),
});

/** A p99 above this share of the timeout means the function is close to being cut off. */
const P99_SHARE_OF_TIMEOUT = 0.8;

/**
 * The house Lambda function: Node.js 22 on arm64, bundled by esbuild with the SDK inside,
 * JSON logs in its own log group, its own role, and its alarms. Table and mail access are
 * granted together with the variables that name them, so the two cannot drift apart; the table
 * actions come from what the entry's code sends (`tableGrants`), not from a list kept here.
 */
export class RegiokursFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  /** Where the function's JSON log lines go (metric filters read them here). */
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: RegiokursFunctionProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.seconds(10);
    const logGroup = (this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    }));
    // An own role instead of AWSLambdaBasicExecutionRole: that managed policy may write to any log group.
    const role = (this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.entry} function`,
    }));
    logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(projectRoot, lambdaEntries[props.entry]),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      bundling: props.files ? { ...bundling, commandHooks: copyInto(props.files) } : bundling,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      description: props.description,
      memorySize: props.memorySize ?? 512,
      timeout,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: {
        APP_MODE: 'cloud',
        TIME_ZONE: props.timeZone,
        POWERTOOLS_SERVICE_NAME: `regiokurs-${props.entry}`,
        // Stack traces point into functions/, not into the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      ...(props.appSecret && {
        paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, { logLevel: ParamsAndSecretsLogLevel.WARN }),
      }),
      deadLetterQueue: props.deadLetterQueue,
      retryAttempts: props.retryAttempts,
      onFailure: props.onFailure,
    });

    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime the platform is built and tested on (LTS, supported on Lambda until 2027); moving to a newer one is a deliberate upgrade with its own test run.',
    });

    const actions = tableGrants[props.entry];
    if (props.table) this.grantTable(props.table, actions);
    else if (actions.length > 0) throw new Error(`The ${props.entry} function sends ${actions.join(', ')} to the table but is given none`);
    if (props.mail) this.grantMail(props.mail);
    if (props.appSecret) {
      props.appSecret.grantRead(role);
      this.fn.addEnvironment('APP_SECRET_ARN', props.appSecret.secretArn);
    }
    this.addAlarms(props.alarmTopic, timeout);
  }

  /** `Query` is the only action that reaches the indexes. */
  private grantTable(table: ITable, actions: readonly TableAction[]) {
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    const onTable = actions.filter((a) => a !== 'Query');
    if (onTable.length > 0) {
      this.fn.addToRolePolicy(new PolicyStatement({ actions: onTable.map((a) => `dynamodb:${a}`), resources: [table.tableArn] }));
    }
    if (actions.includes('Query')) {
      // Named indexes, not `index/*`: a new index is a decision, not an automatic grant.
      const indexArns = tableDefinition.globalSecondaryIndexes.map((g) => `${table.tableArn}/index/${g.indexName}`);
      this.fn.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: [table.tableArn, ...indexArns] }));
    }
  }

  private grantMail({ identityArn, from }: MailSender) {
    this.fn.addEnvironment('MAIL_FROM', from);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        // SES v2 SendEmail needs ses:SendEmail for simple and raw content alike.
        actions: ['ses:SendEmail'],
        resources: [identityArn],
        conditions: { StringEquals: { 'ses:FromAddress': from } },
      }),
    );
  }

  private addAlarms(topic: ITopic, timeout: Duration) {
    const name = this.node.id;
    addAlarm(this, 'Errors', topic, {
      metric: this.fn.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }),
      threshold: 1,
      description: `${name}: the function failed at least once in five minutes`,
    });
    addAlarm(this, 'Throttles', topic, {
      metric: this.fn.metricThrottles({ period: ALARM_PERIOD, statistic: 'Sum' }),
      threshold: 1,
      description: `${name}: invocations were throttled (account concurrency exhausted)`,
    });
    addAlarm(this, 'DurationP99', topic, {
      metric: this.fn.metricDuration({ period: ALARM_PERIOD, statistic: 'p99' }),
      threshold: Math.round(timeout.toMilliseconds() * P99_SHARE_OF_TIMEOUT),
      description: `${name}: p99 duration above ${P99_SHARE_OF_TIMEOUT * 100}% of the ${timeout.toSeconds()} s timeout`,
    });
  }
}
