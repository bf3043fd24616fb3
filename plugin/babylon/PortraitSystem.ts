import type { Observer } from '@babylonjs/core/Misc/observable.js';
import type { Scene } from '@babylonjs/core/scene.js';
import { FaceTracker } from '../capture/FaceTracker';

/** What the system drives each frame; TalkingPortrait implements it. */
export interface SystemPortrait {
  /** Advance and draw; called once per frame before the scene renders. Must not allocate or await. */
  update(deltaMs: number): void;
}

const systems = new WeakMap<Scene, PortraitSystem>();

/**
 * One per scene: owns the per-frame update of every portrait in it (on
 * scene.onBeforeRenderObservable), and the face tracker portraits share when they are made.
 */
export class PortraitSystem {
  readonly scene: Scene;
  private readonly _portraits: SystemPortrait[] = [];
  private _beforeRender: Observer<Scene> | null;
  private _sceneDispose: Observer<Scene> | null;
  private _tracker: Promise<FaceTracker> | null = null;

  private constructor(scene: Scene) {
    this.scene = scene;
    this._beforeRender = scene.onBeforeRenderObservable.add(() => this.update(scene.getEngine().getDeltaTime()));
    this._sceneDispose = scene.onDisposeObservable.add(() => this.dispose());
  }

  /** The scene's system, made on first use. */
  static Get(scene: Scene): PortraitSystem {
    let system = systems.get(scene);
    if (!system) {
      system = new PortraitSystem(scene);
      systems.set(scene, system);
    }
    return system;
  }

  get portraitCount(): number {
    return this._portraits.length;
  }

  add(portrait: SystemPortrait): void {
    if (!this._portraits.includes(portrait)) this._portraits.push(portrait);
  }

  remove(portrait: SystemPortrait): void {
    const i = this._portraits.indexOf(portrait);
    if (i >= 0) this._portraits.splice(i, 1);
  }

  /** Advances and draws every portrait. Called for you before each scene render. */
  update(deltaMs: number): void {
    const list = this._portraits;
    for (let i = 0; i < list.length; i++) list[i].update(deltaMs);
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

  /** Stops updating and frees the shared tracker. Portraits are disposed by their own scene observers. Safe twice. */
  dispose(): void {
    if (this._beforeRender) this.scene.onBeforeRenderObservable.remove(this._beforeRender);
    if (this._sceneDispose) this.scene.onDisposeObservable.remove(this._sceneDispose);
    this._beforeRender = null;
    this._sceneDispose = null;
    this._portraits.length = 0;
    const tracker = this._tracker;
    this._tracker = null;
    void tracker?.then((t) => t.dispose(), () => undefined);
    systems.delete(this.scene);
  }
}
