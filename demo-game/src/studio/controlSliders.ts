import { ARKIT_BLENDSHAPE_NAMES, FaceControls, degToRad, radToDeg, type BlendshapeName, type PortraitRig } from '../../../plugin/index';

type HeadAngle = 'yaw' | 'pitch' | 'roll';

/** Head ranges in degrees: narrower than the plugin's limits, where one picture still turns convincingly. */
const HEAD_SLIDERS: readonly { readonly angle: HeadAngle; readonly limitDeg: number; readonly hint: string }[] = [
  { angle: 'yaw', limitDeg: 30, hint: "+ turns the face toward the subject's left (the viewer's right)" },
  { angle: 'pitch', limitDeg: 20, hint: '+ lifts the chin' },
  { angle: 'roll', limitDeg: 30, hint: "+ tilts the top of the head toward the viewer's left" },
];

/**
 * Blendshapes are grouped by their ARKit name's prefix, in this order (the long Mouth group
 * last, so the panel's two columns come out about even); anything else goes at the end.
 */
const GROUPS: readonly { readonly title: string; readonly pattern: RegExp }[] = [
  { title: 'Eyes', pattern: /^eye/ },
  { title: 'Brows', pattern: /^brow/ },
  { title: 'Jaw', pattern: /^jaw/ },
  { title: 'Cheeks & nose', pattern: /^(cheek|nose)/ },
  { title: 'Mouth', pattern: /^(mouth|tongue)/ },
];

/** The blendshapes this rig moves; the others are accepted by FaceControls and ignored. */
export function riggedBlendshapes(rig: PortraitRig): BlendshapeName[] {
  return ARKIT_BLENDSHAPE_NAMES.filter((_, i) => rig.data.morphs[i] != null);
}

export interface ControlSliders {
  /** What the sliders say. The page copies it into each portrait's controls. */
  readonly values: FaceControls;
  /** One slider per given blendshape; rebuilt only when the set changes, and values are kept. */
  setBlendshapes(names: readonly BlendshapeName[]): void;
}

interface SliderRow {
  readonly element: HTMLElement;
  /** Sets the input and its shown value from `values`. */
  sync(): void;
}

/**
 * The side panel: a range input per head angle and per rigged blendshape, with its value
 * shown, and a Reset button. Inputs have ids `control-<name>` (`control-yaw`, `control-jawOpen`).
 */
export function createControlSliders(container: HTMLElement, onChange: (values: FaceControls) => void): ControlSliders {
  const values = new FaceControls();
  let rows: SliderRow[] = [];
  let shown = '';

  const heading = document.createElement('div');
  heading.className = 'controls-heading';
  const title = document.createElement('h2');
  title.textContent = 'Face controls';
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.id = 'reset';
  reset.textContent = 'Reset';
  heading.append(title, reset);
  const note = document.createElement('p');
  note.className = 'hint';
  note.textContent = 'Left and Right are the subject’s own sides, as in ARKit.';
  const groups = document.createElement('div');
  groups.className = 'groups';
  container.replaceChildren(heading, note, groups);

  const headRows = HEAD_SLIDERS.map(({ angle, limitDeg, hint }) =>
    sliderRow(angle, -limitDeg, limitDeg, 1, hint, () => Math.round(radToDeg(values[angle])), (v) => `${v}°`, (v) => {
      values[angle] = degToRad(v);
    }),
  );

  function render(names: readonly BlendshapeName[]): void {
    const groupsShown = [fieldset('Head', headRows)];
    const byGroup = new Map<string, SliderRow[]>();
    for (const name of [...names].sort()) {
      const group = GROUPS.find((g) => g.pattern.test(name))?.title ?? 'Other';
      const row = sliderRow(name, 0, 1, 0.01, name, () => values.get(name), (v) => v.toFixed(2), (v) => values.set(name, v));
      byGroup.set(group, [...(byGroup.get(group) ?? []), row]);
    }
    for (const title of [...GROUPS.map((g) => g.title), 'Other']) {
      const groupRows = byGroup.get(title);
      if (groupRows) groupsShown.push(fieldset(title, groupRows));
    }
    rows = [...headRows, ...[...byGroup.values()].flat()];
    groups.replaceChildren(...groupsShown);
    for (const row of rows) row.sync();
  }

  function sliderRow(
    name: string, min: number, max: number, step: number, hint: string,
    read: () => number, format: (value: number) => string, write: (value: number) => void,
  ): SliderRow {
    const label = document.createElement('label');
    label.className = 'slider';
    label.title = hint;
    const text = document.createElement('span');
    text.textContent = name;
    const input = document.createElement('input');
    input.type = 'range';
    input.id = `control-${name}`;
    input.min = String(min);
    input.max = String(max);
    input.step = String(step);
    const output = document.createElement('output');
    output.htmlFor.add(input.id);
    label.append(text, input, output);
    const sync = () => {
      const value = read();
      input.value = String(value);
      output.textContent = format(value);
    };
    input.addEventListener('input', () => {
      write(Number(input.value));
      output.textContent = format(read());
      onChange(values);
    });
    return { element: label, sync };
  }

  reset.addEventListener('click', () => {
    values.reset();
    for (const row of rows) row.sync();
    onChange(values);
  });

  render([]);
  return {
    values,
    setBlendshapes(names) {
      const key = names.join(',');
      if (key === shown) return;
      shown = key;
      render(names);
    },
  };
}

function fieldset(title: string, rows: readonly SliderRow[]): HTMLFieldSetElement {
  const set = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = title;
  set.append(legend, ...rows.map((row) => row.element));
  return set;
}
