// What the player asks for, from the keyboard, a mouse and touch: a walk direction, turns, and "talk".
import { CallbackList } from '../../../../plugin/index';

/** Radians of turn per CSS pixel of mouse or finger drag. */
const LOOK_PER_PIXEL = 0.005;
/** A finger this many CSS pixels from where it touched down walks at full speed. */
const STICK_REACH_PX = 60;
/** Keys held to walk or turn, by KeyboardEvent.code. */
const FORWARD = new Set(['KeyW', 'ArrowUp']);
const BACK = new Set(['KeyS', 'ArrowDown']);
const STRAFE_LEFT = new Set(['KeyA']);
const STRAFE_RIGHT = new Set(['KeyD']);
const TURN_LEFT = new Set(['ArrowLeft', 'KeyQ']);
const TURN_RIGHT = new Set(['ArrowRight']);

/** One touch pointer: a stick (left half of the screen, walks) or a look drag (right half). */
interface TouchDrag {
  readonly kind: 'stick' | 'look';
  readonly startX: number;
  readonly startY: number;
  lastX: number;
  lastY: number;
}

/**
 * Reads the player's intent. Keyboard: W/S or ↑/↓ walk, A/D step aside, ←/→ turn. Mouse: drag on
 * the scene to look. Touch: a finger on the left half walks like a stick, on the right half looks.
 * Keys pressed while typing in a form field are left to the field.
 */
export class PlayerInput {
  /** Walk intent in the player's frame, each -1..1: forward, and right. */
  forward = 0;
  right = 0;
  /** Turn wanted from held keys, -1..1 (right positive). */
  turnKeys = 0;
  /** Look accumulated from drags since the controller last took it, radians. */
  pendingYaw = 0;
  pendingPitch = 0;
  /** Fires with the KeyboardEvent.code of each key pressed (not repeats) that walking does not use. */
  readonly onKey = new CallbackList<string>();
  private readonly _held = new Set<string>();
  private readonly _touches = new Map<number, TouchDrag>();
  private _mouse: { x: number; y: number } | null = null;
  private readonly _removers: (() => void)[] = [];

  constructor(surface: HTMLElement) {
    this._listen(window, 'keydown', (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      if (this._isWalkKey(event.code)) {
        this._held.add(event.code);
        event.preventDefault();
        this._updateKeys();
      } else if (!event.repeat) {
        this.onKey.notify(event.code);
      }
    });
    this._listen(window, 'keyup', (event: KeyboardEvent) => {
      this._held.delete(event.code);
      this._updateKeys();
    });
    this._listen(window, 'blur', () => {
      this._held.clear();
      this._updateKeys();
    });
    this._listen(surface, 'pointerdown', (event: PointerEvent) => {
      if (event.pointerType === 'touch') {
        const kind = event.clientX < surface.clientWidth / 2 ? 'stick' : 'look';
        this._touches.set(event.pointerId, { kind, startX: event.clientX, startY: event.clientY, lastX: event.clientX, lastY: event.clientY });
      } else if (event.button === 0) {
        this._mouse = { x: event.clientX, y: event.clientY };
      }
      surface.setPointerCapture(event.pointerId);
    });
    this._listen(surface, 'pointermove', (event: PointerEvent) => {
      const touch = this._touches.get(event.pointerId);
      if (touch) {
        if (touch.kind === 'look') this._look(event.clientX - touch.lastX, event.clientY - touch.lastY);
        else this._stick(event.clientX - touch.startX, event.clientY - touch.startY);
        touch.lastX = event.clientX;
        touch.lastY = event.clientY;
      } else if (this._mouse) {
        this._look(event.clientX - this._mouse.x, event.clientY - this._mouse.y);
        this._mouse.x = event.clientX;
        this._mouse.y = event.clientY;
      }
    });
    const release = (event: PointerEvent) => {
      const touch = this._touches.get(event.pointerId);
      this._touches.delete(event.pointerId);
      if (touch?.kind === 'stick') this._updateKeys();
      if (event.pointerType !== 'touch') this._mouse = null;
    };
    this._listen(surface, 'pointerup', release);
    this._listen(surface, 'pointercancel', release);
  }

  /** Stops listening. Safe twice. */
  dispose(): void {
    for (const remove of this._removers.splice(0)) remove();
    this.onKey.clear();
  }

  private _isWalkKey(code: string): boolean {
    return FORWARD.has(code) || BACK.has(code) || STRAFE_LEFT.has(code) || STRAFE_RIGHT.has(code) || TURN_LEFT.has(code) || TURN_RIGHT.has(code);
  }

  private _updateKeys(): void {
    const held = (keys: Set<string>) => [...keys].some((code) => this._held.has(code));
    this.forward = Number(held(FORWARD)) - Number(held(BACK));
    this.right = Number(held(STRAFE_RIGHT)) - Number(held(STRAFE_LEFT));
    this.turnKeys = Number(held(TURN_RIGHT)) - Number(held(TURN_LEFT));
  }

  private _look(dx: number, dy: number): void {
    this.pendingYaw += dx * LOOK_PER_PIXEL;
    this.pendingPitch += dy * LOOK_PER_PIXEL;
  }

  private _stick(dx: number, dy: number): void {
    const length = Math.hypot(dx, dy);
    const scale = length > STICK_REACH_PX ? STICK_REACH_PX / length : 1;
    this.right = (dx * scale) / STICK_REACH_PX;
    this.forward = (-dy * scale) / STICK_REACH_PX;
  }

  private _listen<E extends Event>(target: EventTarget, type: string, handler: (event: E) => void): void {
    const listener = handler as EventListener;
    target.addEventListener(type, listener);
    this._removers.push(() => target.removeEventListener(type, listener));
  }
}

/** True when a key press belongs to a text field or a control that takes keys. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
