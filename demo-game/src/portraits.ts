/** Where a portrait comes from and what showing it requires. */
export interface PortraitCredit {
  readonly text: string;
  readonly url?: string;
  readonly licence: string;
}

export interface Portrait {
  /** File name, e.g. 'flare-female01.png'; also the picker's value and the `?portrait=` parameter. */
  readonly name: string;
  readonly url: string;
  readonly credit: PortraitCredit;
}

export const FLARE_CREDIT: PortraitCredit = {
  text: 'Flare RPG portraits © 2011-2021 Clint Bellanger and contributors',
  url: 'https://flarerpg.org',
  licence: 'CC-BY-SA 3.0 or later',
};

const PUBLIC_DOMAIN: Readonly<Record<string, PortraitCredit>> = {
  'astronaut.png': { text: 'Astronaut Eileen Collins, NASA (via scikit-image)', licence: 'public domain' },
  'chelsea-cat.png': { text: 'Chelsea the cat (via scikit-image)', licence: 'public domain' },
};

/** The project's test portraits, served by Vite in dev and copied into the built site. */
const PORTRAIT_URLS = import.meta.glob<string>('../../tests/fixtures/portraits/*.png', {
  query: '?url',
  import: 'default',
  eager: true,
});

function creditFor(name: string): PortraitCredit {
  if (name.startsWith('flare-')) return FLARE_CREDIT;
  const credit = PUBLIC_DOMAIN[name];
  if (!credit) throw new Error(`demo: no credit recorded for portrait ${name}; add it to demo-game/src/portraits.ts.`);
  return credit;
}

/** Every portrait, human faces first alphabetically as the files sort. */
export const PORTRAITS: readonly Portrait[] = Object.entries(PORTRAIT_URLS)
  .map(([path, url]) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return { name, url, credit: creditFor(name) };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

export const DEFAULT_PORTRAIT = 'flare-female01.png';

/** The portrait named by `?portrait=` in the page URL, else the default one. */
export function initialPortrait(search: string = location.search): Portrait {
  const wanted = new URLSearchParams(search).get('portrait') ?? DEFAULT_PORTRAIT;
  return PORTRAITS.find((p) => p.name === wanted) ?? PORTRAITS.find((p) => p.name === DEFAULT_PORTRAIT) ?? PORTRAITS[0];
}

export async function loadPortraitImage(portrait: Portrait): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = portrait.url;
  await image.decode();
  return image;
}
