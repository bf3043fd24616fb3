const SENTENCE_END = /[.!?]$/;

/** `text` trimmed and ending with a full stop, so a hint can follow it. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return SENTENCE_END.test(trimmed) ? trimmed : `${trimmed}.`;
}
