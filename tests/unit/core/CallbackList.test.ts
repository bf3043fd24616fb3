import { describe, expect, it } from 'vitest';
import { CallbackList } from '../../../plugin/core/CallbackList';

describe('CallbackList', () => {
  it('calls callbacks in order with the value, and stops calling removed ones', () => {
    const list = new CallbackList<number>();
    const calls: string[] = [];
    const first = list.add((v) => calls.push(`a${v}`));
    list.add((v) => calls.push(`b${v}`));
    list.notify(1);
    expect(list.remove(first)).toBe(true);
    expect(list.remove(first)).toBe(false);
    list.notify(2);
    expect(calls).toEqual(['a1', 'b1', 'b2']);
    list.clear();
    expect(list.count).toBe(0);
  });

  it('lets a callback remove itself or add another while being called', () => {
    const list = new CallbackList<void>();
    let onceCalls = 0;
    let lateCalls = 0;
    const once = list.add(() => {
      onceCalls++;
      list.remove(once);
      list.add(() => lateCalls++);
    });
    list.notify();
    list.notify();
    expect(onceCalls).toBe(1);
    expect(lateCalls).toBe(1);
  });

  it('refuses a non-function with a TypeError naming the class', () => {
    expect(() => new CallbackList<void>().add(42 as never)).toThrow(/CallbackList\.add.*function/);
  });
});
