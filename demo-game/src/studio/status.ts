/** What the page is doing; tests and tools wait on `data-state` of #status. */
export type DemoState = 'loading' | 'ready' | 'no-face' | 'error';

export function setStatus(state: DemoState, message: string): void {
  const status = document.querySelector<HTMLElement>('#status')!;
  status.dataset.state = state;
  status.textContent = message;
}
