// "Be a character": the player picks or drops a portrait image; it is checked, made alive, or refused with a clear message.
import { NoFaceError } from '../../../../plugin/index';
import { CHARACTER_IMAGE_ACCEPT, CharacterImageError, readCharacterImage } from './characterImage';
import type { PlayerCharacter } from './PlayerCharacter';

/** What the character panel is doing; tests wait on `data-state` of #character-message. */
export type CharacterState = 'none' | 'loading' | 'ready' | 'no-face' | 'invalid';

/** Wires the file input (#character-file) and dropping an image anywhere on the page to the player's character. */
export function createCharacterPanel(character: PlayerCharacter): void {
  const input = document.querySelector<HTMLInputElement>('#character-file')!;
  const message = document.querySelector<HTMLElement>('#character-message')!;
  input.accept = CHARACTER_IMAGE_ACCEPT;
  const show = (state: CharacterState, text: string) => {
    message.dataset.state = state;
    message.textContent = text;
  };
  show('none', 'Drop a portrait of yourself anywhere, or pick one, to become a character.');

  let latest = 0;
  async function use(file: File): Promise<void> {
    const request = ++latest;
    show('loading', `Finding the face in ${file.name}…`);
    try {
      const image = await readCharacterImage(file);
      if (request !== latest) return;
      await character.setImageAsync(image, file.name);
      image.close();
      if (request !== latest) return;
      show('ready', `You are ${file.name.replace(/\.[^.]+$/, '')} now. Your face answers for you.`);
    } catch (error) {
      if (request !== latest) return;
      if (error instanceof NoFaceError) show('no-face', `No face found in ${file.name}. Use an image with one face seen roughly from the front, not too small and not cut off.`);
      else if (error instanceof CharacterImageError) show('invalid', error.message);
      else throw error;
    }
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void use(file);
    input.value = '';
  });
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void use(file);
  });
}
