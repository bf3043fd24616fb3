// The game: the courtyard, its NPCs, the walking player, conversations, the player's own character and the stats, run each frame.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine.js';
import { Scene } from '@babylonjs/core/scene.js';
import type { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial.js';
import { PortraitSystem, TextToVisemes } from '../../../plugin/index';
import { PORTRAITS, type Portrait } from '../portraits';
import type { ChosenEngine } from '../engineChoice';
import { Conversation } from './dialogue/conversation';
import { DialoguePanel } from './dialogue/dialoguePanel';
import { Voice } from './dialogue/voice';
import type { Hud } from './hud/hud';
import { NPC_CAST } from './npc/npcCast';
import { Npc } from './npc/Npc';
import { talkTarget } from './npc/talkTarget';
import { PlayerController } from './player/playerController';
import { PlayerInput } from './player/playerInput';
import { PlayerCharacter } from './player/PlayerCharacter';
import { WalkArea } from './player/walkArea';
import type { GameSystem, StatsRow } from './seams';
import { StatsOverlay } from './stats/statsOverlay';
import { COURTYARD_RADIUS, FOUNTAIN_RADIUS, PAINTING_HEIGHT, createCourtyard, paintingPlace } from './world/courtyard';
import { Painting, frameWood } from './world/painting';

/** Where the player starts: between the fountain and the first painting, facing it. */
export const PLAYER_START = { x: 0, z: 1.8, yaw: 0 } as const;
/** Round footprint of a painting's stand, metres, that the player walks around. */
const STAND_RADIUS = 0.45;

/** Everything the game runs; made by main.ts once the engine is chosen. */
export class Game {
  readonly scene: Scene;
  readonly npcs: Npc[];
  readonly controller: PlayerController;
  readonly character: PlayerCharacter;
  readonly conversation: Conversation;
  readonly stats: StatsOverlay;
  /** The wood of every painting's frame, for paintings added later (remote players). */
  readonly wood: StandardMaterial;
  private readonly _systems: GameSystem[] = [];
  private readonly _statsSources: (() => Iterable<StatsRow>)[] = [];
  private readonly _input: PlayerInput;
  private _speech: Promise<TextToVisemes> | null = null;

  constructor(chosen: ChosenEngine, private readonly _hud: Hud) {
    const engine: AbstractEngine = chosen.engine;
    const scene = new Scene(engine);
    this.scene = scene;
    createCourtyard(scene);
    const wood = frameWood(scene);
    this.wood = wood;
    this.npcs = NPC_CAST.map((definition, i) => {
      const place = paintingPlace(i, NPC_CAST.length);
      const painting = new Painting(scene, { name: definition.name, height: PAINTING_HEIGHT, ...place }, portraitFile(definition.portrait).url, wood);
      return new Npc(definition, painting);
    });

    const canvas = engine.getRenderingCanvas()!;
    this._input = new PlayerInput(canvas);
    const obstacles = [{ x: 0, z: 0, radius: FOUNTAIN_RADIUS }, ...this.npcs.map((npc) => ({ x: npc.painting.centre[0], z: npc.painting.centre[2], radius: STAND_RADIUS }))];
    this.controller = new PlayerController(scene, this._input, new WalkArea(COURTYARD_RADIUS, obstacles), PLAYER_START);
    scene.activeCamera = this.controller.camera;

    const voice = new Voice();
    const panel = new DialoguePanel(scene, this.controller.camera);
    panel.onPortraitPlaced = (left, top, size) => {
      const cssPerPixel = canvas.clientWidth / engine.getRenderWidth();
      _hud.dialoguePortraitAt(left * cssPerPixel, top * cssPerPixel, size * cssPerPixel);
    };
    this.conversation = new Conversation(panel, voice, () => this.speechAsync(), {
      opened: (npc) => {
        this.controller.enabled = false;
        _hud.dialogueOpened(npc.definition.name);
      },
      line: (npc, text) => _hud.dialogueLine(npc.definition.name, text),
      closed: () => {
        this.controller.enabled = true;
        _hud.dialogueClosed();
      },
      answered: (text) => void this.speechAsync().then((speech) => this.character.say(text, speech)),
    });
    this.character = new PlayerCharacter(scene, this.controller.camera, document.querySelector<HTMLElement>('#character-frame')!);
    this.addSystem(this.character);
    this.stats = new StatsOverlay(document.querySelector<HTMLElement>('#stats')!, chosen.kind, chosen.fallbackReason, PortraitSystem.Get(scene), () => [
      ...this.npcs.map((npc) => ({ name: npc.definition.name, portrait: npc.portrait, note: npc.lookingAtPlayer ? 'looking' : '' })),
      ...this._statsSources.flatMap((source) => [...source()]),
    ]);

    _hud.onTalk = () => this._talk();
    this._input.onKey.add((code) => {
      if (code === 'F3' || code === 'Backquote') this.stats.toggle();
      else if (this.conversation.handleKey(code)) return;
      else if (code === 'KeyE' || code === 'Enter') this._talk();
    });
    this._frameLoop(engine);
  }

  /** Adds something updated every frame before the portraits draw (e.g. the multiplayer room). */
  addSystem(system: GameSystem): void {
    this._systems.push(system);
  }

  /** Stops updating a system added with addSystem (the caller disposes it). */
  removeSystem(system: GameSystem): void {
    const index = this._systems.indexOf(system);
    if (index >= 0) this._systems.splice(index, 1);
  }

  /** Adds portraits to the stats overlay's table (e.g. remote players'), read at each refresh. */
  addStatsRows(source: () => Iterable<StatsRow>): void {
    this._statsSources.push(source);
  }

  /** The text-to-visemes pipeline, loading the pronouncing dictionary on first use. */
  speechAsync(): Promise<TextToVisemes> {
    this._speech ??= TextToVisemes.CreateAsync();
    return this._speech;
  }

  /** The portrait file an NPC is painted from. */
  portraitOf(npc: Npc): Portrait {
    return portraitFile(npc.definition.portrait);
  }

  private _talk(): void {
    if (this.conversation.npc) return;
    const npc = talkTarget(this.npcs, this.controller.camera);
    if (npc) void this.conversation.open(npc);
  }

  /**
   * Per frame, before the scene renders: walk, then the portraits' motion, then PortraitSystem's
   * redraws (its observer sits between ours), timed for the stats.
   */
  private _frameLoop(engine: AbstractEngine): void {
    const scene = this.scene;
    PortraitSystem.Get(scene); // registers its per-frame update now, so ours can go around it
    scene.onBeforeRenderObservable.add(() => {
      const now = performance.now();
      const delta = engine.getDeltaTime();
      this.controller.update(delta);
      this._hud.setNear(this.conversation.npc ? null : talkTarget(this.npcs, this.controller.camera)?.definition.name ?? null);
      this.stats.portraitsBegin();
      const talkingTo = this.conversation.npc;
      for (const npc of this.npcs) npc.drive(now, this.controller.camera, npc === talkingTo);
      this.conversation.update(now);
      for (const system of this._systems) system.update(now, delta);
    }, undefined, true);
    scene.onBeforeRenderObservable.add(() => this.stats.portraitsEnd(engine.getDeltaTime(), performance.now()));
    engine.runRenderLoop(() => scene.render());
  }

  dispose(): void {
    for (const system of this._systems.splice(0)) system.dispose();
    this._input.dispose();
    this.scene.getEngine().stopRenderLoop();
    this.scene.dispose();
  }
}

function portraitFile(name: string): Portrait {
  const portrait = PORTRAITS.find((p) => p.name === name);
  if (!portrait) throw new TypeError(`demo: no portrait file ${name} in tests/fixtures/portraits; fix demo-game/src/game/npc/npcCast.ts.`);
  return portrait;
}
