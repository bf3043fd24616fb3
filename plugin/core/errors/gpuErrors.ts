import { sentence } from './sentence';
import { TalkingPortraitError } from './TalkingPortraitError';

/** The GPU device was lost (driver reset, tab in the background too long, out of memory). */
export class GpuDeviceLostError extends TalkingPortraitError {
  override name = 'GpuDeviceLostError';

  constructor(detail: string, options?: ErrorOptions) {
    super(`The GPU device was lost: ${sentence(detail)} Portraits draw nothing until Babylon restores the engine on a new device, then redraw on their own.`, options);
  }
}

/** The engine cannot run portraits (neither WebGPU nor WebGL2, or a missing feature). */
export class UnsupportedEngineError extends TalkingPortraitError {
  override name = 'UnsupportedEngineError';

  constructor(detail: string, options?: ErrorOptions) {
    super(`This engine cannot render talking portraits: ${sentence(detail)} Use a WebGPU or WebGL2 engine, and check TalkingPortrait.IsSupported(engine) first.`, options);
  }
}
