import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One DynamoDB Local (in memory) for the whole run; each test file makes its own table.
    globalSetup: ['test/setup/dynamodb-local.ts'],
    // Ends what a timed-out test started (test/support/local-product.ts).
    setupFiles: ['test/setup/stop-products.ts'],
    // Tests on DynamoDB Local took over 30 s at a load of 20 (six runs on two cores).
    testTimeout: 60_000,
    // A beforeAll that starts the product (up to 150 s on a busy machine) and a browser.
    hookTimeout: 240_000,
    // A test that asserts nothing fails: it would pass whatever the product did. A page's refresh
    // after an action can take seconds while two browser tests share two cores.
    expect: { requireAssertions: true, poll: { timeout: 15_000 } },
    pool: 'forks',
    maxWorkers: 2,
  },
});
