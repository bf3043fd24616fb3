/**
 * Headless Chromium on SwiftShader loses the WebGPU device when presenting to a canvas
 * (shared/testing/WEBGPU-ON-CPU.md). Tests render into textures and read them back, so the
 * canvas only needs a context whose current texture is an ordinary GPUTexture.
 */
export function installWebGpuCanvasShim(): void {
  const proto = HTMLCanvasElement.prototype as HTMLCanvasElement & { __talkingPortraitsShim?: boolean };
  if (proto.__talkingPortraitsShim) return;
  proto.__talkingPortraitsShim = true;
  const original = proto.getContext;
  proto.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
    if (kind !== 'webgpu') return (original as (...a: unknown[]) => unknown).call(this, kind, ...rest);
    const canvas = this;
    let device: GPUDevice | null = null;
    let format: GPUTextureFormat = 'rgba8unorm';
    let texture: GPUTexture | null = null;
    return {
      canvas,
      configure(config: GPUCanvasConfiguration) {
        device = config.device;
        format = config.format;
      },
      unconfigure() {
        texture?.destroy();
        texture = null;
      },
      getConfiguration() {
        return device ? { device, format } : null;
      },
      getCurrentTexture() {
        if (!device) throw new Error('webgpu canvas shim: configure() first');
        if (!texture || texture.width !== canvas.width || texture.height !== canvas.height) {
          texture?.destroy();
          texture = device.createTexture({
            size: [canvas.width, canvas.height],
            format,
            usage: GPUTextureUsage.RENDER_ATTACHMENT | GPUTextureUsage.COPY_SRC | GPUTextureUsage.TEXTURE_BINDING,
          });
        }
        return texture;
      },
    } as unknown as GPUCanvasContext;
  } as typeof proto.getContext;
}
