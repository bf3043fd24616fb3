// The test-only WebGPU canvas shim (tests/support/webgpuCanvasShim.ts) as a plain script a page
// can run before its own code: headless Chromium on SwiftShader cannot present WebGPU to a
// canvas, so with it the demo runs on WebGPU, drawing into textures, as the browser tests do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './demoBrowser';

/** The shim's source, types stripped, installed at once. */
export function webGpuShimScript(): string {
  const source = readFileSync(join(REPO_ROOT, 'tests/support/webgpuCanvasShim.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  return `(() => {\n${outputText.replace(/^export /gm, '')}\ninstallWebGpuCanvasShim();\n})();`;
}
