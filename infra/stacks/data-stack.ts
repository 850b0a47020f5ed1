import { RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { tableDefinition } from '../../functions/db/table.js';

const string = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * The stateful part of a region: the one table, built from the same definition DynamoDB
 * Local gets, and the application secret. Its own stack and fixed construct ids keep their
 * logical ids stable, so no refactoring of the stateless stacks can replace them.
 */
export class DataStack extends Stack {
  readonly table: ITable;
  /** Every key of the application is derived from it (functions/purpose-keys.ts); functions read it at run time. */
  readonly appSecret: ISecret;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const table = new Table(this, 'Table', {
      partitionKey: string(tableDefinition.partitionKey),
      sortKey: string(tableDefinition.sortKey),
      // On-demand: an idle region costs nothing, and the registration rush needs no capacity planning.
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // The AWS-managed key: encrypted with KMS and visible in CloudTrail, without a customer key's monthly fee.
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      stream: StreamViewType[tableDefinition.streamViewType],
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
    this.table = table;

    this.appSecret = new Secret(this, 'AppSecret', {
      description: 'regiokurs application secret: session tokens, login-code hashes and outbox mail are keyed from it; changing it signs everybody out',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.appSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A key of this application, not a credential of another system: rotating it signs every family out and voids pending login codes, so it is rotated deliberately (new secret version, docs/SECURITY.md), not on a timer.',
    });
  }
}
