import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { secretPurposes, type SecretPurpose } from '../functions/lambda/env.js';
import { kebab, pascal } from './names.js';

/**
 * One secret per purpose (functions/lambda/env.ts), created without a usable key (CloudFormation
 * fills each with a placeholder): after the first deploy, infra/put-secrets.ts writes the keys.
 * Nothing secret ever passes through the template. Names are fixed so put-secrets finds them by
 * stack name. Kept if the stack is deleted, like the table whose data they unlock.
 */
export function keySecrets(stack: Stack): Map<SecretPurpose, Secret> {
  const secrets = new Map<SecretPurpose, Secret>();
  for (const [purpose, { what }] of Object.entries(secretPurposes) as [SecretPurpose, { what: string }][]) {
    secrets.set(
      purpose,
      new Secret(stack, `${pascal(purpose)}Secret`, {
        secretName: `${stack.stackName}/${kebab(purpose)}`,
        description: `M餐 ${what}: fill with infra/put-secrets.ts`,
        generateSecretString: { secretStringTemplate: '{}', generateStringKey: 'placeholder', excludePunctuation: true },
        removalPolicy: RemovalPolicy.RETAIN,
      }),
    );
  }
  return secrets;
}
