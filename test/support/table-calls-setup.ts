import { afterAll, expect } from 'vitest';
import { dropFileTables } from './context.js';
import { fileTableCalls, localTableActions, ungranted } from './table-calls.js';

/**
 * Setup file of the int project: after each test file, every table action its contexts sent
 * (the clients createTestContext attaches to `fileTableCalls`) must be one a deployed function
 * or a tool is allowed. test/int/table-grants.test.ts checks each function exactly; this catches
 * a new kind of call that only some other test reaches.
 */
afterAll(async () => {
  const actions = fileTableCalls.actions();
  // Test tooling, not a function's call: the file's tables go once its calls are counted.
  await dropFileTables();
  expect(
    ungranted(actions, localTableActions),
    `table actions sent by this file's tests that no function is granted (commands: ${JSON.stringify(fileTableCalls.commands())})`,
  ).toEqual([]);
});
