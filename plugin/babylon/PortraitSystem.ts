// One per scene: runs the budget scheduler and every portrait's update each frame, measuring what each one costs.
import type { RenderTargetWrapper } from '@babylonjs/core/Engines/renderTargetWrapper.js';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh.js';
import { Observable, type Observer } from '@babylonjs/core/Misc/observable.js';
import type { Scene } from '@babylonjs/core/scene.js';
import type { BudgetExceededEvent } from '../budget/PortraitPlan';
import { PortraitScheduler, type PortraitSchedulerOptions, type ScheduledPortraitOptions } from '../budget/PortraitScheduler';
import type { ScheduledPortrait } from '../budget/ScheduledPortrait';
import { FaceTracker } from '../capture/FaceTracker';
import { frameGpuMs, passGpuMs, passResultCount, startGpuTiming, stopGpuTiming, timePass, type GpuTimingMode } from './gpuTiming';
import { applyMeshCoverage } from './meshCoverage';
import type { PortraitStats } from './PortraitStats';
import { PortraitSystemStats } from './PortraitSystemStats';

export interface PortraitSystemOptions extends PortraitSchedulerOptions {
  /** Milliseconds of main-thread time per frame all portraits together may cost; settable later (`system.budgetMs`). Default 2. */
  budgetMs?: number;
  /** Switch on the engine's GPU timers where it has them (see PortraitStats.gpuMs). Default true. */
  measureGpu?: boolean;
}

/** What the system drives each frame; TalkingPortrait implements it. */
export interface SystemPortrait {
  /** A mesh showing the portrait, whose on-screen size and visibility feed the schedule; null leaves them to the game. */
  readonly mesh: AbstractMesh | null;
  /** Where the system writes what the portrait costs. */
  readonly stats: PortraitStats;
  /** The render target to time on the GPU, if any. */
  readonly gpuTarget: RenderTargetWrapper | null;
  /** Draws a frame at `size` pixels if anything changed; true when it drew. Must not allocate or await. */
  drawScheduled(size: number): boolean;
}

const systems = new WeakMap<Scene, PortraitSystem>();

/** Keys of PortraitSystemOptions that can only be set when the system is made. */
const CREATION_ONLY_OPTIONS = ['floorRate', 'floorSize', 'headroom', 'upMargin', 'upFrames', 'costs', 'measureGpu'] as const;

/**
 * One per scene: before each render (scene.onBeforeRenderObservable) it asks the PortraitScheduler who
 * updates this frame at which size, draws those portraits, and measures each update's main-thread time
 * (performance.now around deform and draw) for the scheduler and the stats. Owns the face tracker that
 * portraits share when they are made.
 */
export class PortraitSystem {
  readonly scene: Scene;
  /** The scheduler behind the budget (levels, rates, priorities); most games only set `budgetMs`. */
  readonly scheduler: PortraitScheduler;
  /** Fires once when even every visible portrait at its floor level does not fit the budget, and again after a recovery. */
  readonly onBudgetExceededObservable = new Observable<BudgetExceededEvent>();
  /** What the portraits cost in the last frame. */
  readonly stats = new PortraitSystemStats();
  /** What the GPU timers can measure on this engine. */
  readonly gpuTiming: GpuTimingMode;

  private readonly _portraits: SystemPortrait[] = [];
  private readonly _handles: ScheduledPortrait[] = [];
  private readonly _owners = new Map<ScheduledPortrait, SystemPortrait>();
  /** Pass-timer results seen per portrait (same order as _portraits). */
  private _gpuSeen = new Float64Array(0);
  private _frame = 0;
  private _beforeRender: Observer<Scene> | null;
  private _sceneDispose: Observer<Scene> | null;
  private _tracker: Promise<FaceTracker> | null = null;
  private readonly _forwardExceeded = (event: BudgetExceededEvent) => this.onBudgetExceededObservable.notifyObservers(event);

  private constructor(scene: Scene, options: PortraitSystemOptions) {
    this.scene = scene;
    this.scheduler = new PortraitScheduler(options);
    this.scheduler.onBudgetExceeded.add(this._forwardExceeded);
    this.gpuTiming = options.measureGpu ?? true ? startGpuTiming(scene.getEngine()) : null;
    this._beforeRender = scene.onBeforeRenderObservable.add(() => this.update(scene.getEngine().getDeltaTime()));
    this._sceneDispose = scene.onDisposeObservable.add(() => this.dispose());
  }

  /**
   * The scene's system, made on first use with `options`. Later calls may change only `budgetMs`; call it
   * with the other options before the first portrait is made.
   */
  static Get(scene: Scene, options?: PortraitSystemOptions): PortraitSystem {
    let system = systems.get(scene);
    if (!system) {
      system = new PortraitSystem(scene, options ?? {});
      systems.set(scene, system);
    } else if (options) {
      const late = CREATION_ONLY_OPTIONS.find((key) => options[key] !== undefined);
      if (late) throw new TypeError(`PortraitSystem.Get: the scene's system already exists, so '${late}' can no longer be set; pass it in the first PortraitSystem.Get(scene, options), before making portraits.`);
      if (options.budgetMs !== undefined) system.budgetMs = options.budgetMs;
    }
    return system;
  }

  /** Milliseconds of main-thread time per frame all portraits together may cost. Default 2. */
  get budgetMs(): number {
    return this.scheduler.budgetMs;
  }
  set budgetMs(value: number) {
    this.scheduler.budgetMs = value;
  }

  get portraitCount(): number {
    return this._portraits.length;
  }

  /** Schedules `portrait`; returns its handle in the scheduler (priority inputs, level). */
  add(portrait: SystemPortrait, options: ScheduledPortraitOptions = {}): ScheduledPortrait {
    const existing = this._portraits.indexOf(portrait);
    if (existing >= 0) return this._handles[existing];
    const handle = this.scheduler.add(options);
    this._portraits.push(portrait);
    this._handles.push(handle);
    this._owners.set(handle, portrait);
    if (this._gpuSeen.length < this._portraits.length) {
      const grown = new Float64Array(this._portraits.length * 2);
      grown.set(this._gpuSeen);
      this._gpuSeen = grown;
    }
    return handle;
  }

  remove(portrait: SystemPortrait): void {
    const i = this._portraits.indexOf(portrait);
    if (i < 0) return;
    this.scheduler.remove(this._handles[i]);
    this._owners.delete(this._handles[i]);
    this._portraits.splice(i, 1);
    this._handles.splice(i, 1);
    this._gpuSeen.copyWithin(i, i + 1);
  }

  /** Plans the frame and draws the portraits due, each at its level's size. Called for you before each scene render. */
  update(_deltaMs: number): void {
    const began = performance.now();
    this._readInputs();
    const plan = this.scheduler.plan(++this._frame);
    let total = 0;
    let drawn = 0;
    for (let k = 0; k < plan.count; k++) {
      const handle = plan.portraits[k];
      const portrait = this._owners.get(handle) as SystemPortrait;
      const started = performance.now();
      const drew = portrait.drawScheduled(handle.size);
      const ms = performance.now() - started;
      if (!drew) continue;
      handle.recordCost(ms);
      portrait.stats._recordMainThread(ms);
      total += ms;
      drawn++;
    }
    this._writeStats();
    this.stats._endFrame(total, drawn, this.scheduler.stats.visibleCount, this.scheduler.stats.overBudget);
    this.stats.gpuFrameMs = frameGpuMs(this.scene.getEngine(), this.gpuTiming);
    const updateMs = performance.now() - began;
    this.stats.updateMs = updateMs;
    // Everything but the draws (mesh measures, planning, stats) comes off the next frames' budget.
    this.scheduler.recordOverhead(Math.max(0, updateMs - total));
  }

  /** Copies each portrait's mesh coverage (when it has a mesh) into its schedule before planning. */
  private _readInputs(): void {
    for (let i = 0; i < this._portraits.length; i++) {
      const mesh = this._portraits[i].mesh;
      if (!mesh) continue;
      applyMeshCoverage(mesh, this.scene, this._handles[i]);
    }
  }

  /** Level, size, rate and GPU time of every portrait into its stats. */
  private _writeStats(): void {
    let gpuSum = 0;
    let gpuAny = false;
    for (let i = 0; i < this._portraits.length; i++) {
      const portrait = this._portraits[i];
      const handle = this._handles[i];
      const stats = portrait.stats;
      stats.level = handle.level;
      stats.rate = handle.rate;
      stats.updating = handle.updating;
      if (this.gpuTiming !== 'pass') continue;
      const target = portrait.gpuTarget;
      timePass(target, this.gpuTiming);
      const gpu = passGpuMs(target, this._gpuSeen[i]);
      if (gpu === gpu) {
        stats._recordGpu(gpu);
        this._gpuSeen[i] = passResultCount(target);
      }
      if (stats.gpuMs !== null && handle.updating) {
        gpuSum += stats.gpuMs;
        gpuAny = true;
      }
    }
    this.stats.gpuMs = gpuAny ? gpuSum : null;
  }

  /** The tracker portraits in this scene share, created with the embedded model on first use. */
  getTrackerAsync(): Promise<FaceTracker> {
    if (!this._tracker) {
      this._tracker = FaceTracker.CreateAsync();
      this._tracker.catch(() => {
        this._tracker = null;
      });
    }
    return this._tracker;
  }

  /** Stops updating, switches off the GPU timers it switched on, and frees the shared tracker. Portraits are disposed by their own scene observers. Safe twice. */
  dispose(): void {
    if (this._beforeRender) this.scene.onBeforeRenderObservable.remove(this._beforeRender);
    if (this._sceneDispose) this.scene.onDisposeObservable.remove(this._sceneDispose);
    if (this._beforeRender) stopGpuTiming(this.scene.getEngine(), this.gpuTiming);
    this._beforeRender = null;
    this._sceneDispose = null;
    this._portraits.length = 0;
    this._handles.length = 0;
    this._owners.clear();
    this.scheduler.dispose();
    this.onBudgetExceededObservable.clear();
    const tracker = this._tracker;
    this._tracker = null;
    void tracker?.then((t) => t.dispose(), () => undefined);
    if (systems.get(this.scene) === this) systems.delete(this.scene);
  }
}
