import { defineConfig } from 'vitest/config';

// The global setup loads the AWS SDK in this process. Its releases warn on Node 20 (they need 22 after
// early 2027); the versions pinned in package.json work on 20, so the notice is silenced.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // DynamoDB Local starts once for the whole run; each test file uses its own table.
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // Event log lines (Powertools, INFO) would bury the test output; warnings and errors still show.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'WARN' },
  },
});
