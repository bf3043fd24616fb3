import type { Portrait } from '../portraits';

export interface PortraitPicker {
  readonly element: HTMLElement;
  readonly selected: Portrait;
}

/** A labelled <select> of portraits; calls `onPick` when the player chooses another one. */
export function createPortraitPicker(portraits: readonly Portrait[], initial: Portrait, onPick: (portrait: Portrait) => void): PortraitPicker {
  const label = document.createElement('label');
  label.textContent = 'Portrait';
  const select = document.createElement('select');
  select.id = 'portrait';
  for (const portrait of portraits) {
    const option = document.createElement('option');
    option.value = portrait.name;
    option.textContent = portrait.name.replace(/\.png$/, '');
    select.append(option);
  }
  select.value = initial.name;
  label.append(select);
  const byName = new Map(portraits.map((p) => [p.name, p]));
  let selected = initial;
  select.addEventListener('change', () => {
    const portrait = byName.get(select.value);
    if (!portrait) return;
    selected = portrait;
    onPick(portrait);
  });
  return {
    element: label,
    get selected() {
      return selected;
    },
  };
}
