// The HUD's room control: "Join room" on the configured server, its state in words, and the remote players listed (with where their paintings are on screen).
import type { Game } from '../Game';
import { RoomJoinError, joinRelayRoomAsync } from './joinRelayRoom';
import { MultiplayerSystem } from './MultiplayerSystem';
import { relayAddress } from './serverAddress';
import { screenRect } from './screenRect';

/** What the room panel is doing; tests wait on `data-state` of #room-message. */
export type RoomState = 'idle' | 'joining' | 'joined' | 'unreachable' | 'refused' | 'disconnected' | 'bad-address' | 'error';
/** The player list refreshes this often, ms: the DOM is not touched per frame. */
const LIST_REFRESH_MS = 500;

function element<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new TypeError(`demo: the page has no ${selector}; demo-game/index.html must provide it.`);
  return found;
}

/** Wires #room-join, #room-message and #room-players to the game. */
export function createRoomPanel(game: Game): void {
  const button = element<HTMLButtonElement>('#room-join');
  const message = element<HTMLElement>('#room-message');
  const list = element<HTMLUListElement>('#room-players');
  const address = relayAddress(location.search);
  const show = (state: RoomState, text: string) => {
    message.dataset.state = state;
    message.textContent = text;
  };
  let system: MultiplayerSystem | null = null;
  let busy = false;
  game.addStatsRows(function* remoteRows() {
    if (!system) return;
    for (const avatar of system.avatars) yield { name: `Player ${avatar.player.playerId}`, portrait: avatar.portrait, note: `remote · ${avatar.player.motion.state}` };
  });

  const leave = () => {
    if (!system) return;
    game.removeSystem(system);
    system.dispose();
    system = null;
    list.replaceChildren();
    button.textContent = 'Join room';
  };

  async function join(url: string): Promise<void> {
    busy = true;
    button.disabled = true;
    show('joining', `Joining the room at ${url}…`);
    try {
      const room = await joinRelayRoomAsync(url);
      system = new MultiplayerSystem(room, game.scene, game.character, game.wood, {
        disconnected: (code, kicked) => {
          leave();
          show('disconnected', kicked ? `The server removed you from the room (${code}).` : `The connection to ${url} ended (${code}). Join again when the server is back.`);
        },
        refused: (reason) => show('refused', `The room refused: ${reason}.`),
        failed: (error) => {
          show('error', `A remote portrait failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
          throw error;
        },
      });
      game.addSystem(system);
      button.textContent = 'Leave room';
      show('joined', `In the room at ${url}. Others who join appear as paintings around the fountain; your face is sent to them.`);
    } catch (error) {
      if (!(error instanceof RoomJoinError)) throw error;
      show(error.reachable ? 'refused' : 'unreachable', error.message);
    } finally {
      busy = false;
      button.disabled = false;
    }
  }

  button.addEventListener('click', () => {
    if (busy) return;
    if (system) {
      leave();
      show('idle', 'You left the room.');
    } else if (address.ok) {
      void join(address.url);
    }
  });
  if (address.ok) show('idle', `Play with others: join the room at ${address.url}.`);
  else {
    show('bad-address', address.problem);
    button.disabled = true;
  }

  // The remote players, refreshed a couple of times a second: state, frames received, and where the painting is on screen.
  window.setInterval(() => {
    if (!system) return;
    const items = [...system.avatars].map((avatar) => {
      const item = document.createElement('li');
      item.dataset.player = String(avatar.player.playerId);
      item.dataset.state = avatar.state;
      item.dataset.frames = String(avatar.player.motion.framesAccepted);
      item.dataset.rect = avatar.state === 'alive' ? screenRect(game.scene, avatar.painting.canvas) : '';
      item.textContent = `Player ${avatar.player.playerId}: ${avatar.state}`;
      return item;
    });
    list.replaceChildren(...items);
    list.dataset.sent = String(system.framesSent);
  }, LIST_REFRESH_MS);
}
