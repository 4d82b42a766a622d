/**
 * The first data a deployed table needs, written with your AWS credentials (not through the API):
 *
 *   npx tsx infra/bootstrap-data.ts --table <TableName output> [--districts]
 *
 * Sets the admin account's password (MCAN_ADMIN_PASSWORD, or a generated one printed once) and,
 * with --districts, loads the sub-districts local mode ships with (Futian, Shenzhen). Both are
 * idempotent; run it again to reset the admin password. Other sub-districts are added by the admin
 * through the API (PUT /v1/admin/districts/{id}).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { config } from '../functions/config.js';
import { PASSWORD_MIN_LENGTH } from '../functions/contract/common.js';
import { ADMIN_USERNAME, ensureAdmin, seedDistricts } from '../functions/seed/seed.js';
import { documentClient } from '../functions/store/client.js';
import { createStore } from '../functions/store/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({ options: { table: { type: 'string' }, districts: { type: 'boolean', default: false } }, strict: true });
if (!values.table) {
  console.error('usage: MCAN_ADMIN_PASSWORD=… npx tsx infra/bootstrap-data.ts --table <the stack output TableName> [--districts]');
  process.exit(2);
}
const password = process.env.MCAN_ADMIN_PASSWORD || randomBytes(12).toString('base64url');
if (password.length < PASSWORD_MIN_LENGTH) {
  console.error(`MCAN_ADMIN_PASSWORD must have at least ${PASSWORD_MIN_LENGTH} characters`);
  process.exit(2);
}

const doc = documentClient();
const store = createStore({ doc, tableName: values.table }, config);
await ensureAdmin(store, config, password);
if (values.districts) await seedDistricts(store);
doc.destroy();

console.log(`Admin account "${ADMIN_USERNAME}" ready${process.env.MCAN_ADMIN_PASSWORD ? ' (password from MCAN_ADMIN_PASSWORD)' : `, password: ${password}`}`);
if (values.districts) console.log('Sub-districts loaded.');
