// The demo game's page: picks the engine (WebGPU, else WebGL2; ?engine=webgl2 forces WebGL2), builds the game, and brings the NPCs' portraits to life.
import { chooseEngine } from '../engineChoice';
import { renderCredits } from '../credits';
import { PORTRAITS } from '../portraits';
import { Game, PLAYER_START } from './Game';
import { Hud } from './hud/hud';
import type { Npc } from './npc/Npc';
import { bringPortraitsToLife } from './npc/npcPortraits';
import { createWebcamButton } from '../webcamButton';
import { createRoomPanel } from './net/roomPanel';
import { createCharacterPanel } from './player/characterPanel';

const hud = new Hud();
const stageHost = document.querySelector<HTMLElement>('#stage')!;

function mountCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-label', 'The courtyard: walk with W A S D or the arrow keys, drag to look');
  canvas.tabIndex = 0;
  stageHost.replaceChildren(canvas);
  return canvas;
}

async function start(): Promise<void> {
  hud.setStatus('loading', 'Starting the 3D engine…');
  const preferWebGpu = new URLSearchParams(location.search).get('engine') !== 'webgl2';
  const chosen = await chooseEngine(mountCanvas, preferWebGpu);
  stageHost.dataset.engine = chosen.kind;
  const game = new Game(chosen, hud);
  window.addEventListener('pagehide', () => game.dispose());
  createCharacterPanel(game.character);
  createWebcamButton(document.querySelector<HTMLElement>('#character')!, (driver) => game.character.setFaceDriver(driver));
  createRoomPanel(game);
  hud.setStatus('ready', '');
  hud.setAlive(0, game.npcs.length);
  // Nearest first: the painting the player starts in front of wakes up first.
  const distance = (npc: Npc) => npc.groundDistanceTo(PLAYER_START.x, PLAYER_START.z);
  const order = [...game.npcs].sort((a, b) => distance(a) - distance(b));
  let alive = 0;
  let baked = 0;
  await bringPortraitsToLife(game.scene, order, (npc) => game.portraitOf(npc), (outcome) => {
    if (outcome.ok && ++alive === 1) {
      // The pronouncing dictionary is needed at the first word: fetch it once the first face is up, while the player walks.
      game.speechAsync().catch((error: unknown) => {
        hud.setStatus('error', `The speech dictionary did not load: ${String(error)}`);
        throw error;
      });
    }
    if (outcome.ok && outcome.baked) baked++;
    if (!outcome.ok) console.warn(`demo: ${outcome.npc.definition.name} stays a still painting: ${outcome.error.message}`);
    hud.setAlive(alive, game.npcs.length);
    const status = document.querySelector<HTMLElement>('#status')!;
    status.dataset.baked = String(baked);
    // When the last face woke, ms after navigation: for people measuring load time (and the e2e report).
    if (alive === game.npcs.length) status.dataset.allAliveMs = String(Math.round(performance.now()));
  });
}

document.body.dataset.dialogue = 'closed';
renderCredits(document.querySelector('#credits')!, PORTRAITS.filter((p) => p.name.startsWith('flare-')));
start().catch((error: unknown) => {
  hud.setStatus('error', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  throw error;
});
