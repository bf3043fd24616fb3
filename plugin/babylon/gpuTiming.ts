// GPU time where the engine can measure it: per portrait pass on WebGPU (timestamp queries), per frame on WebGL2 (timer queries).
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine.js';
import { RegisterAbstractEngineTimeQuery } from '@babylonjs/core/Engines/AbstractEngine/abstractEngine.timeQuery.pure.js';
import { RegisterEnginesExtensionsEngineQuery } from '@babylonjs/core/Engines/Extensions/engine.query.pure.js';
import type { RenderTargetWrapper } from '@babylonjs/core/Engines/renderTargetWrapper.js';
import { RegisterEnginesWebGPUExtensionsEngineQuery } from '@babylonjs/core/Engines/WebGPU/Extensions/engine.query.pure.js';
import { WebGPUPerfCounter } from '@babylonjs/core/Engines/WebGPU/webgpuPerfCounter.js';
import type { PerfCounter } from '@babylonjs/core/Misc/perfCounter.js';

/**
 * What can be timed on the GPU: 'pass' each portrait's own render pass (and the frame), 'frame' whole
 * frames only, null nothing (no 'timestamp-query' feature on WebGPU, no EXT_disjoint_timer_query_webgl2
 * on WebGL2, as on SwiftShader and most browsers by default).
 */
export type GpuTimingMode = 'pass' | 'frame' | null;

/** Babylon's counters report nanoseconds. */
const NS_PER_MS = 1e6;

interface TimedEngine {
  getCaps(): { timerQuery?: unknown };
  isWebGPU: boolean;
  enableGPUTimingMeasurements?: boolean;
  captureGPUFrameTime(value: boolean): void;
  getGPUFrameTimeCounter(): PerfCounter;
}

/** Switches the engine's GPU timers on where it has them; returns what they can time. */
export function startGpuTiming(engine: AbstractEngine): GpuTimingMode {
  const timed = engine as unknown as TimedEngine;
  if (!timed.getCaps().timerQuery) return null;
  RegisterAbstractEngineTimeQuery();
  if (timed.isWebGPU) {
    RegisterEnginesWebGPUExtensionsEngineQuery();
    timed.enableGPUTimingMeasurements = true;
    return 'pass';
  }
  RegisterEnginesExtensionsEngineQuery();
  timed.captureGPUFrameTime(true);
  return 'frame';
}

/** Switches off what startGpuTiming switched on. */
export function stopGpuTiming(engine: AbstractEngine, mode: GpuTimingMode): void {
  const timed = engine as unknown as TimedEngine;
  if (mode === 'pass') timed.enableGPUTimingMeasurements = false;
  else if (mode === 'frame') timed.captureGPUFrameTime(false);
}

/** GPU time of the engine's last measured frame in ms, or null while none was measured. */
export function frameGpuMs(engine: AbstractEngine, mode: GpuTimingMode): number | null {
  if (mode === null) return null;
  const counter = (engine as unknown as TimedEngine).getGPUFrameTimeCounter();
  return counter.count > 0 ? counter.current / NS_PER_MS : null;
}

type TimedTarget = RenderTargetWrapper & { gpuTimeInFrame?: WebGPUPerfCounter };

/** Gives a WebGPU render target its pass timer (Babylon gives one only to targets made after timing started). */
export function timePass(target: RenderTargetWrapper | null, mode: GpuTimingMode): void {
  if (mode !== 'pass' || !target) return;
  const timed = target as TimedTarget;
  if (!timed.gpuTimeInFrame) timed.gpuTimeInFrame = new WebGPUPerfCounter();
}

/**
 * The target pass's latest GPU time in ms if a new one arrived since `seenCount` (results come a frame
 * or two late), else NaN. `passResultCount` tells the count to pass next time.
 */
export function passGpuMs(target: RenderTargetWrapper | null, seenCount: number): number {
  const counter = (target as TimedTarget | null)?.gpuTimeInFrame?.counter;
  if (!counter || counter.count === seenCount) return NaN;
  return counter.current / NS_PER_MS;
}

/** How many pass results the target's timer has produced (0 without one). */
export function passResultCount(target: RenderTargetWrapper | null): number {
  return (target as TimedTarget | null)?.gpuTimeInFrame?.counter.count ?? 0;
}
