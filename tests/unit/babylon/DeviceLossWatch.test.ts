// DeviceLossWatch on a stand-in engine: only the two observables it listens to.
import { describe, expect, it } from 'vitest';
import { Observable } from '@babylonjs/core/Misc/observable';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { DeviceLossWatch } from '../../../plugin/babylon/DeviceLossWatch';

function standInEngine() {
  const engine = { onContextLostObservable: new Observable<AbstractEngine>(), onContextRestoredObservable: new Observable<AbstractEngine>() };
  return { engine, asEngine: engine as unknown as AbstractEngine };
}
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('DeviceLossWatch', () => {
  it('hears the loss at once and the restore one task after Babylon says so, outside its notification', async () => {
    const { engine, asEngine } = standInEngine();
    const heard: string[] = [];
    const watch = new DeviceLossWatch(asEngine, () => heard.push('lost'), () => heard.push('restored'));
    engine.onContextLostObservable.notifyObservers(asEngine);
    expect(heard).toEqual(['lost']);
    expect(watch.isLost).toBe(true);
    engine.onContextRestoredObservable.notifyObservers(asEngine);
    expect(heard, 'not inside the notification').toEqual(['lost']);
    expect(watch.isLost, 'still lost until the owner hears of the restore').toBe(true);
    await nextTask();
    expect(heard).toEqual(['lost', 'restored']);
    expect(watch.isLost).toBe(false);
    watch.dispose();
  });

  it('drops a restore that a new loss overtook, and one pending at dispose; dispose is safe twice', async () => {
    const { engine, asEngine } = standInEngine();
    const heard: string[] = [];
    const watch = new DeviceLossWatch(asEngine, () => heard.push('lost'), () => heard.push('restored'));
    engine.onContextLostObservable.notifyObservers(asEngine);
    engine.onContextRestoredObservable.notifyObservers(asEngine);
    engine.onContextLostObservable.notifyObservers(asEngine);
    await nextTask();
    expect(heard).toEqual(['lost', 'lost']);
    expect(watch.isLost).toBe(true);
    engine.onContextRestoredObservable.notifyObservers(asEngine);
    watch.dispose();
    watch.dispose();
    await nextTask();
    expect(heard).toEqual(['lost', 'lost']);
    engine.onContextLostObservable.notifyObservers(asEngine);
    expect(heard, 'nothing heard after dispose').toEqual(['lost', 'lost']);
  });
});
