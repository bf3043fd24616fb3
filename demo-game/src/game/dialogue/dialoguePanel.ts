// The dialogue panel, in @babylonjs/gui: the speaker's living portrait large in a frame, the name, the line as it is typed out, and the choices.
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine.js';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture.js';
import type { Observer } from '@babylonjs/core/Misc/observable.js';
import type { Camera } from '@babylonjs/core/Cameras/camera.js';
import type { Scene } from '@babylonjs/core/scene.js';
import { AdvancedDynamicTexture } from '@babylonjs/gui/2D/advancedDynamicTexture.js';
import { Button } from '@babylonjs/gui/2D/controls/button.js';
import { Control } from '@babylonjs/gui/2D/controls/control.js';
import { Rectangle } from '@babylonjs/gui/2D/controls/rectangle.js';
import { StackPanel } from '@babylonjs/gui/2D/controls/stackPanel.js';
import { TextBlock } from '@babylonjs/gui/2D/controls/textBlock.js';
import { MAX_DIALOGUE_CHOICES } from './dialogueScript';
import { PortraitWindow } from './portraitWindow';

/** Panel height as a share of the screen's, within these pixel bounds. */
const PANEL_SHARE = 0.34;
const PANEL_MIN_PX = 190;
const PANEL_MAX_PX = 420;
/** Font size as a share of the panel's height. */
const FONT_SHARE = 0.075;
/** Buttons the panel holds: as many as a line may offer. */
const MAX_CHOICES = MAX_DIALOGUE_CHOICES;
const GOLD = '#d9c38f';
const PANEL_BACKGROUND = 'rgba(14, 12, 10, 0.9)';

/** What the panel shows; the conversation drives it. */
export class DialoguePanel {
  /** Fires with the index of the choice clicked or tapped. */
  onChoose: (index: number) => void = () => undefined;
  /** Fires when the portrait's square is laid out: left, top and side in render pixels. */
  onPortraitPlaced: (left: number, top: number, size: number) => void = () => undefined;
  private readonly _ui: AdvancedDynamicTexture;
  private readonly _engine: AbstractEngine;
  private readonly _frame: Rectangle;
  private readonly _body: Rectangle;
  private readonly _name: TextBlock;
  private readonly _line: TextBlock;
  private readonly _hint: TextBlock;
  private readonly _choices: StackPanel;
  private readonly _buttons: Button[] = [];
  private readonly _window: PortraitWindow;
  private readonly _onResize: Observer<AbstractEngine>;
  private _open = false;

  constructor(scene: Scene, camera: Camera) {
    this._engine = scene.getEngine();
    this._ui = AdvancedDynamicTexture.CreateFullscreenUI('dialogue', true, scene);
    this._window = new PortraitWindow(scene, camera, 'dialogue');
    // The frame is only a border: the portrait window shows through it.
    this._frame = new Rectangle('portrait-frame');
    this._frame.thickness = 4;
    this._frame.color = GOLD;
    this._frame.cornerRadius = 4;
    this._body = new Rectangle('dialogue-body');
    this._body.background = PANEL_BACKGROUND;
    this._body.color = GOLD;
    this._body.thickness = 2;
    this._body.cornerRadius = 6;
    this._name = textBlock('speaker', GOLD, 'bold');
    this._line = textBlock('line', '#f4efe6', 'normal');
    this._line.textWrapping = true;
    this._line.textVerticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
    this._hint = textBlock('hint', '#a39a88', 'italic');
    this._choices = new StackPanel('choices');
    this._choices.isVertical = true;
    this._body.addControl(this._name);
    this._body.addControl(this._line);
    this._body.addControl(this._choices);
    this._body.addControl(this._hint);
    for (const control of [this._frame, this._body]) {
      control.horizontalAlignment = Control.HORIZONTAL_ALIGNMENT_LEFT;
      control.verticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
      this._ui.addControl(control);
    }
    for (let i = 0; i < MAX_CHOICES; i++) {
      const button = Button.CreateSimpleButton(`choice-${i}`, '');
      button.color = '#f4efe6';
      button.background = 'rgba(80, 60, 30, 0.55)';
      button.thickness = 1;
      button.horizontalAlignment = Control.HORIZONTAL_ALIGNMENT_LEFT;
      button.onPointerClickObservable.add(() => this.onChoose(i));
      this._buttons.push(button);
      this._choices.addControl(button);
    }
    this._onResize = this._engine.onResizeObservable.add(() => this._layout());
    this._setVisible(false);
  }

  get isOpen(): boolean {
    return this._open;
  }

  /** Opens the panel on a speaker: their name and living portrait (or null while it is still being made). */
  open(name: string, portrait: BaseTexture | null): void {
    this._open = true;
    this._name.text = name;
    this._window.show(portrait);
    this._layout();
    this._setVisible(true);
  }

  close(): void {
    this._open = false;
    this._window.show(null);
    this._setVisible(false);
  }

  /** Shows the line as typed so far. */
  setLine(text: string): void {
    this._line.text = text;
  }

  /** Offers answers (numbered; keys 1-3 pick them too), or none while the line is still being spoken. */
  setChoices(texts: readonly string[]): void {
    this._buttons.forEach((button, i) => {
      button.isVisible = i < texts.length;
      if (button.textBlock) button.textBlock.text = i < texts.length ? `${i + 1}. ${texts[i]}` : '';
    });
    this._hint.text = texts.length > 0 ? 'Choose with 1-3 or a click · Esc leaves' : 'Space skips · Esc leaves';
  }

  private _setVisible(visible: boolean): void {
    this._frame.isVisible = visible;
    this._body.isVisible = visible;
  }

  /** Sizes everything from the render size: the portrait square at the left, the text to its right. */
  private _layout(): void {
    if (!this._open) return;
    const width = this._engine.getRenderWidth();
    const height = this._engine.getRenderHeight();
    const panel = Math.round(Math.min(PANEL_MAX_PX, Math.max(PANEL_MIN_PX, height * PANEL_SHARE)));
    const margin = Math.round(panel * 0.08);
    const top = height - margin - panel;
    const font = Math.round(panel * FONT_SHARE);
    place(this._frame, margin, top, panel, panel);
    this._window.place(margin, top, panel);
    this.onPortraitPlaced(margin, top, panel);
    const bodyLeft = margin * 2 + panel;
    place(this._body, bodyLeft, top, Math.max(panel, width - bodyLeft - margin), panel);
    const pad = Math.round(font * 0.8);
    const inner = this._body.widthInPixels - 2 * pad;
    placeIn(this._name, pad, pad, inner, font * 1.4, font * 1.1);
    placeIn(this._line, pad, pad + font * 1.6, inner, font * 3.6, font);
    const buttonHeight = Math.round(font * 1.55);
    placeIn(this._choices, pad, pad + font * 5.4, inner, buttonHeight * MAX_CHOICES, font);
    for (const button of this._buttons) {
      button.heightInPixels = buttonHeight - 4;
      button.widthInPixels = inner;
      button.fontSize = font * 0.95;
      button.paddingTopInPixels = 2;
    }
    placeIn(this._hint, pad, panel - pad - font * 1.2, inner, font * 1.2, font * 0.75);
  }

  dispose(): void {
    this._engine.onResizeObservable.remove(this._onResize);
    this._window.dispose();
    this._ui.dispose();
  }
}

function textBlock(name: string, color: string, style: 'bold' | 'italic' | 'normal'): TextBlock {
  const block = new TextBlock(name, '');
  block.color = color;
  block.fontFamily = 'Georgia, serif';
  if (style === 'bold') block.fontWeight = 'bold';
  if (style === 'italic') block.fontStyle = 'italic';
  block.textHorizontalAlignment = Control.HORIZONTAL_ALIGNMENT_LEFT;
  return block;
}

function place(control: Control, left: number, top: number, width: number, height: number): void {
  control.leftInPixels = left;
  control.topInPixels = top;
  control.widthInPixels = width;
  control.heightInPixels = height;
}

function placeIn(control: Control, left: number, top: number, width: number, height: number, font: number): void {
  control.horizontalAlignment = Control.HORIZONTAL_ALIGNMENT_LEFT;
  control.verticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
  place(control, left, top, width, Math.round(height));
  control.fontSize = Math.round(font);
}
