import type { Portrait, PortraitCredit } from './portraits';

/**
 * One line crediting every portrait source the demo shows. Sources with a licence that asks
 * for attribution (the Flare portraits, CC-BY-SA) come first, public-domain ones after.
 */
export function renderCredits(container: HTMLElement, portraits: readonly Portrait[]): void {
  const credits = new Map<string, PortraitCredit>();
  const ordered = [...portraits].sort((a, b) => Number(a.credit.licence === 'public domain') - Number(b.credit.licence === 'public domain'));
  for (const portrait of ordered) credits.set(portrait.credit.text, portrait.credit);
  container.replaceChildren('Portraits: ');
  let first = true;
  for (const credit of credits.values()) {
    if (!first) container.append('; ');
    first = false;
    if (credit.url) {
      const link = document.createElement('a');
      link.href = credit.url;
      link.rel = 'noreferrer';
      link.textContent = credit.text;
      container.append(link);
    } else {
      container.append(credit.text);
    }
    container.append(` (${credit.licence})`);
  }
  container.append('.');
}
