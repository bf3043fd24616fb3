import { describe, expect, it } from 'vitest';
import { giveOrtTurnBack, stopWaitingForOrtTurn, takeOrtTurnAsync, tryTakeOrtTurn, waitForOrtTurn } from '../../../plugin/render/onnx/ortTurn';

describe('ortTurn: one onnxruntime job at a time on a page', () => {
  it('lets one owner in, queues the others first come first served, and hands the turn on', () => {
    const a = {}, b = {}, c = {};
    const order: string[] = [];
    expect(tryTakeOrtTurn(a)).toBe(true);
    expect(tryTakeOrtTurn(a)).toBe(true); // already a's
    expect(tryTakeOrtTurn(b)).toBe(false);
    const bTurn = () => { order.push('b'); expect(tryTakeOrtTurn(b)).toBe(true); };
    const cTurn = () => { order.push('c'); expect(tryTakeOrtTurn(c)).toBe(true); };
    waitForOrtTurn(bTurn);
    waitForOrtTurn(bTurn); // once in line only
    waitForOrtTurn(cTurn);
    giveOrtTurnBack(c); // not c's to give
    expect(order).toEqual([]);
    giveOrtTurnBack(a);
    expect(order).toEqual(['b']);
    expect(tryTakeOrtTurn(a)).toBe(false);
    giveOrtTurnBack(b);
    expect(order).toEqual(['b', 'c']);
    giveOrtTurnBack(c);
    expect(tryTakeOrtTurn(a)).toBe(true);
    giveOrtTurnBack(a);
  });

  it('drops a waiter that stops waiting, and lets async work wait its turn', async () => {
    const a = {}, opening = {};
    let called = false;
    const gone = () => { called = true; };
    expect(tryTakeOrtTurn(a)).toBe(true);
    waitForOrtTurn(gone);
    stopWaitingForOrtTurn(gone);
    let opened = false;
    const pending = takeOrtTurnAsync(opening).then(() => { opened = true; });
    await Promise.resolve();
    expect(opened).toBe(false);
    giveOrtTurnBack(a);
    await pending;
    expect(opened).toBe(true);
    expect(called).toBe(false);
    giveOrtTurnBack(opening);
  });
});
