import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { tableStatements, type TableAccess, type TableResource } from '../functions/grants.js';
import { tableDefinition } from '../functions/store/table.js';

/** The one table, from the store's definition; it and its data are kept if the stack is deleted. */
export function mcanTable(scope: Construct): Table {
  const table = new Table(scope, 'Table', {
    partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
    sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: tableDefinition.ttlAttribute,
    encryption: TableEncryption.AWS_MANAGED,
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of tableDefinition.indexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType[index.projection],
    });
  }
  return table;
}

/** A function's rights on the table, as functions/grants.ts lists them for its group or the jobs. */
export function grantTable(table: Table, fn: IFunction, access: TableAccess): void {
  const arn = (r: TableResource): string => (r === 'table' ? table.tableArn : `${table.tableArn}/${r}`);
  for (const s of tableStatements(access)) {
    const conditions = {
      ...(s.leadingKeys ? { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...s.leadingKeys] } } : {}),
      // Attribute-level reads as IAM documents them: the request names its attributes, and only these.
      ...(s.attributes ? { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...s.attributes] }, StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' } } : {}),
    };
    fn.addToRolePolicy(new PolicyStatement({ actions: [...s.actions], resources: s.resources.map(arn), ...(Object.keys(conditions).length ? { conditions } : {}) }));
  }
}
