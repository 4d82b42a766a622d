import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretReader } from './runtime.js';

/** Reads secrets from Secrets Manager: imported only by the entries of groups that hold keys. */
export function secretsManagerReader(client: SecretsManagerClient = new SecretsManagerClient({})): SecretReader {
  return async (arn) => (await client.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString;
}
