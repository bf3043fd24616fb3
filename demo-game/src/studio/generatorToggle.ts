// The studio's generator switch: the mesh warp, or the ONNX generator (a learned model on
// onnxruntime-web's WebGPU EP, sharing Babylon's device). WebGL2 has only the warp.
import type { PortraitGeneratorKind } from '../../../plugin/index';

export interface GeneratorToggle {
  readonly element: HTMLElement;
  /** The generator the next portrait is made with. */
  readonly kind: PortraitGeneratorKind;
}

/** A checkbox that asks for the ONNX generator; `onChange` remakes the portrait with it. Disabled, saying why, without WebGPU. */
export function createGeneratorToggle(webGpu: boolean, onChange: (kind: PortraitGeneratorKind) => void): GeneratorToggle {
  const label = document.createElement('label');
  label.id = 'generator-toggle';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.disabled = !webGpu;
  label.append(box, ` ONNX generator${webGpu ? ' (a learned dense-motion model on WebGPU)' : ' (needs WebGPU; this page runs on WebGL2)'}`);
  const toggle = {
    element: label,
    get kind(): PortraitGeneratorKind {
      return box.checked ? 'onnx' : 'warp';
    },
  };
  box.addEventListener('change', () => onChange(toggle.kind));
  return toggle;
}
