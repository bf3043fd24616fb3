import type { BrowserCommand } from 'vitest/node';
import type { BrowserContext } from 'playwright';

/**
 * Browser-test proof that the product phones nobody: every request and WebSocket the page
 * opens is checked, and any to a host other than the loopback one is recorded. The setup
 * file fails the test that made it.
 */
const violationsByContext = new WeakMap<BrowserContext, string[]>();

function isLoopback(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  return parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
}

function armed(context: BrowserContext): string[] {
  let list = violationsByContext.get(context);
  if (list) return list;
  const violations: string[] = [];
  violationsByContext.set(context, violations);
  context.on('request', (request) => {
    if (!isLoopback(request.url())) violations.push(request.url());
  });
  context.on('page', (page) => {
    page.on('websocket', (socket) => {
      if (!isLoopback(socket.url())) violations.push(socket.url());
    });
  });
  for (const page of context.pages()) {
    page.on('websocket', (socket) => {
      if (!isLoopback(socket.url())) violations.push(socket.url());
    });
  }
  return violations;
}

export const armNetworkGuard: BrowserCommand<[]> = ({ context }) => {
  armed(context as unknown as BrowserContext);
};

/** Returns and clears the requests made to other hosts since the last call. */
export const takeNetworkViolations: BrowserCommand<[], string[]> = ({ context }) => {
  const list = armed(context as unknown as BrowserContext);
  return list.splice(0, list.length);
};
