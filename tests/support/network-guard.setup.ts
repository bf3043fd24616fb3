import { afterEach, beforeAll, expect } from 'vitest';
import { commands } from 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    armNetworkGuard: () => Promise<void>;
    takeNetworkViolations: () => Promise<string[]>;
  }
}

beforeAll(async () => {
  await commands.armNetworkGuard();
});

afterEach(async () => {
  const violations = await commands.takeNetworkViolations();
  expect(violations, 'requests to hosts other than 127.0.0.1').toEqual([]);
});
