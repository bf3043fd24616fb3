// Console lines that are not errors although Chromium files them as such, shared by the demo's e2e tests.

/**
 * MediaPipe's wasm prints this INFO line to stderr when its CPU delegate starts, and Emscripten routes
 * stderr to console.error.
 */
export const NOT_ERRORS: readonly RegExp[] = [/^\[console\] INFO: Created TensorFlow Lite XNNPACK delegate for CPU\.$/];

/** The lines of `errors` that are real errors. */
export function realErrors(errors: readonly string[], expected: readonly RegExp[] = []): string[] {
  return errors.filter((line) => ![...NOT_ERRORS, ...expected].some((pattern) => pattern.test(line)));
}
