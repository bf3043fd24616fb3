// One onnxruntime job at a time on a page: opening a session while another session infers, or two
// portraits inferring at once, corrupted onnxruntime-web's WebGPU state ("memory access out of
// bounds", seen with two ONNX portraits in the bench). Generators take turns here.

/** Who may run onnxruntime now; null when nobody does. */
let holder: object | null = null;
/** Those waiting for a turn, first come first served: each is called when its turn comes. */
const waiting: (() => void)[] = [];

/** Takes the turn if it is free (or already `owner`'s); false if another holds it. Allocates nothing. */
export function tryTakeOrtTurn(owner: object): boolean {
  if (holder !== null && holder !== owner) return false;
  holder = owner;
  return true;
}

/** Queues `onTurn` to be called once the turn is free (it must then take it with tryTakeOrtTurn). */
export function waitForOrtTurn(onTurn: () => void): void {
  if (!waiting.includes(onTurn)) waiting.push(onTurn);
}

/** Leaves the queue without a turn (a disposed generator). */
export function stopWaitingForOrtTurn(onTurn: () => void): void {
  const i = waiting.indexOf(onTurn);
  if (i >= 0) waiting.splice(i, 1);
}

/** Gives the turn back and calls the next in the queue. */
export function giveOrtTurnBack(owner: object): void {
  if (holder !== owner) return;
  holder = null;
  const next = waiting.shift();
  if (next) next();
}

/** Waits for the turn and takes it; for work off the frame (opening a session). */
export async function takeOrtTurnAsync(owner: object): Promise<void> {
  while (!tryTakeOrtTurn(owner)) {
    await new Promise<void>((resolve) => waitForOrtTurn(resolve));
  }
}
