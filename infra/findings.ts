import { Validations, type Stack } from 'aws-cdk-lib';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';

/**
 * cdk-nag (AwsSolutions) findings on the stack's own resources that are accepted by design, each
 * with its reason (the H5 hosting acknowledges its own, in hosting.ts). Everything else it reports
 * is fixed in the stack; tests/infra/stack.test.ts runs the checks.
 */
export function acknowledgeFindings(stack: Stack, jobFunctions: Iterable<IFunction>): void {
  const here = Validations.of(stack);
  here.acknowledge({
    id: 'AwsSolutions-APIG4',
    reason:
      'Authorisation is in the function: every non-public route checks an EdDSA session token and its role in the adapter (functions/http/adapter.ts); public routes are public by contract. An API Gateway JWT authorizer needs an OIDC issuer with a JWKS URL, which M餐 does not run.',
  });
  here.acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: 'The AWS-managed basic execution role grants only CloudWatch Logs writes, to the function’s own log group in practice.',
  });
  here.acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      'No automatic rotation: recipient ids are derived from the recipient-id key and personal data is sealed with the personal-data key, so those must never change; the token and voucher keys are rotated on purpose with infra/put-secrets.ts (rotating signs everyone out or voids live vouchers).',
  });
  here.acknowledge({
    id: 'AwsSolutions-L1',
    reason: 'Node.js 22 (supported into 2027) is the newest major that local mode and CI run the same code on (Node 20 and 22); the bundles target it.',
  });
  for (const fn of jobFunctions) {
    const logicalId = stack.getLogicalId(fn.node.defaultChild as CfnFunction);
    here.acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason: 'EventBridge Scheduler’s role may invoke the job function and its versions (CDK’s LambdaInvoke target grant); nothing else.',
    });
  }
}
