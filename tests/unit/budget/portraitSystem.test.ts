// PortraitSystem's wiring of the scheduler on a NullEngine: options, levels handed to portraits, measured costs, the exceeded observable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Scene } from '@babylonjs/core/scene';
import { PortraitSystem, type SystemPortrait } from '../../../plugin/babylon/PortraitSystem';
import { PortraitStats } from '../../../plugin/babylon/PortraitStats';
import type { BudgetExceededEvent } from '../../../plugin/budget/PortraitPlan';

/** A portrait that "draws" by spinning for `costMs` of wall time, and remembers the sizes it was asked for. */
class FakePortrait implements SystemPortrait {
  readonly mesh = null;
  readonly stats = new PortraitStats();
  readonly gpuTarget = null;
  readonly sizes: number[] = [];
  changed = true;
  constructor(private readonly _costMs: number) {}
  drawScheduled(size: number): boolean {
    this.sizes.push(size);
    if (!this.changed) return false;
    const until = performance.now() + this._costMs;
    while (performance.now() < until) {
      // busy: the cost the system measures
    }
    return true;
  }
}

/** Wall time one fake update spins: well above timer resolution, small enough to keep the test fast. */
const FAKE_COST_MS = 0.2;

describe('PortraitSystem', () => {
  let engine: NullEngine;
  let scene: Scene;
  beforeEach(() => {
    engine = new NullEngine();
    scene = new Scene(engine);
    new FreeCamera('camera', new Vector3(0, 0, -5), scene);
  });
  afterEach(() => {
    scene.dispose();
    engine.dispose();
  });

  it('defaults to a 2 ms budget, takes options on first Get, and refuses creation-only options later', () => {
    expect(PortraitSystem.Get(scene).budgetMs).toBe(2);
    expect(PortraitSystem.Get(scene, { budgetMs: 1 }).budgetMs).toBe(1);
    expect(() => PortraitSystem.Get(scene, { floorRate: 16 })).toThrow(/floorRate.*first PortraitSystem\.Get/);
    expect(() => (PortraitSystem.Get(scene).budgetMs = -1)).toThrow(RangeError);
    const other = new Scene(engine);
    const system = PortraitSystem.Get(other, { budgetMs: 3, floorRate: 16 });
    expect(system.scheduler.floorRate).toBe(16);
    expect(system.gpuTiming).toBeNull(); // NullEngine has no timer queries
    other.dispose();
  });

  it('draws each portrait at its scheduled size and rate, and records what each update cost', () => {
    const system = PortraitSystem.Get(scene, { budgetMs: 100 });
    const fast = new FakePortrait(FAKE_COST_MS);
    const slow = new FakePortrait(FAKE_COST_MS);
    system.add(fast, { maxSize: 512 });
    const slowHandle = system.add(slow, { maxSize: 256, refreshRate: 4 });
    expect(system.add(slow)).toBe(slowHandle); // adding twice returns the same handle
    for (let f = 0; f < 16; f++) scene.render();
    expect(fast.sizes).toHaveLength(16);
    expect(new Set(fast.sizes)).toEqual(new Set([512]));
    expect(slow.sizes).toHaveLength(4);
    expect(new Set(slow.sizes)).toEqual(new Set([256]));
    expect(fast.stats.updateCount).toBe(16);
    expect(fast.stats.mainThreadMs).toBeGreaterThanOrEqual(FAKE_COST_MS);
    expect(fast.stats.level).toBe(0);
    expect(fast.stats.rate).toBe(1);
    expect(slow.stats.rate).toBe(4);
    expect(fast.stats.gpuMs).toBeNull();
    expect(system.stats.mainThreadMs).toBeGreaterThanOrEqual(FAKE_COST_MS);
    expect(system.stats.updateMs).toBeGreaterThanOrEqual(system.stats.mainThreadMs);
    expect(system.stats.gpuFrameMs).toBeNull();
    expect(slowHandle.meter.sampleCount(256)).toBe(4);
  });

  it('records no cost for a portrait that had nothing new to draw', () => {
    const system = PortraitSystem.Get(scene, { budgetMs: 100 });
    const still = new FakePortrait(FAKE_COST_MS);
    const handle = system.add(still, { maxSize: 256 });
    still.changed = false;
    for (let f = 0; f < 8; f++) scene.render();
    expect(still.sizes).toHaveLength(8);
    expect(still.stats.updateCount).toBe(0);
    expect(handle.meter.sampleCount(256)).toBe(0);
  });

  it('lowers levels to fit a small budget, and fires onBudgetExceededObservable once when even the floors do not fit', () => {
    const system = PortraitSystem.Get(scene, { budgetMs: 100 });
    const events: BudgetExceededEvent[] = [];
    system.onBudgetExceededObservable.add((e) => events.push(e));
    const portraits = Array.from({ length: 8 }, () => new FakePortrait(FAKE_COST_MS));
    for (const p of portraits) system.add(p, { maxSize: 512 });
    for (let f = 0; f < 8; f++) scene.render();
    expect(events).toHaveLength(0);
    system.budgetMs = FAKE_COST_MS / 100;
    for (let f = 0; f < 32; f++) scene.render();
    expect(events).toHaveLength(1);
    expect(events[0].budgetMs).toBe(FAKE_COST_MS / 100);
    expect(system.stats.overBudget).toBe(true);
    for (const p of portraits) {
      expect(p.stats.rate).toBe(system.scheduler.floorRate);
      expect(p.sizes[p.sizes.length - 1]).toBe(system.scheduler.floorSize);
    }
  });

  it('stops drawing a removed portrait, and disposing twice is safe', () => {
    const system = PortraitSystem.Get(scene, { budgetMs: 100 });
    const p = new FakePortrait(FAKE_COST_MS);
    system.add(p, { maxSize: 128 });
    scene.render();
    system.remove(p);
    system.remove(p);
    scene.render();
    expect(p.sizes).toHaveLength(1);
    expect(system.portraitCount).toBe(0);
    system.dispose();
    system.dispose();
    expect(PortraitSystem.Get(scene)).not.toBe(system);
  });
});
