/** Where a portrait comes from and what showing it requires. */
export interface PortraitCredit {
  readonly text: string;
  readonly url?: string;
  readonly licence: string;
}

/** Another image of a portrait's character (few-shot), and what it shows. */
export interface PortraitShot {
  readonly url: string;
  readonly eyesClosed?: boolean;
  readonly mouthOpen?: boolean;
}

export interface Portrait {
  /** File name, e.g. 'flare-female01.png'; also the picker's value and the `?portrait=` parameter. */
  readonly name: string;
  readonly url: string;
  readonly credit: PortraitCredit;
  /** More shots of the same character, for TalkingPortrait's `shots` option. */
  readonly shots?: readonly PortraitShot[];
}

export const FLARE_CREDIT: PortraitCredit = {
  text: 'Flare RPG portraits © 2011-2021 Clint Bellanger and contributors',
  url: 'https://flarerpg.org',
  licence: 'CC-BY-SA 3.0 or later',
};

export const RENPY_CREDIT: PortraitCredit = {
  text: "Sylvie from Ren'Py's sample game The Question, © 2004-2022 Tom Rothamel",
  url: 'https://www.renpy.org',
  licence: 'Expat (MIT)',
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

/** Portraits that come with more shots (tests/fixtures/few-shot: NAME.png and NAME.shots/). */
const FEW_SHOT_URLS = import.meta.glob<string>('../../tests/fixtures/few-shot/*.png', { query: '?url', import: 'default', eager: true });
const SHOT_URLS = import.meta.glob<string>('../../tests/fixtures/few-shot/*.shots/*.png', { query: '?url', import: 'default', eager: true });

/** A shot's file name says what it shows (as `npm run eval` reads it): "eyes-closed", "mouth-open". */
function shotsOf(stem: string): PortraitShot[] {
  return Object.entries(SHOT_URLS)
    .filter(([path]) => path.includes(`/${stem}.shots/`))
    .map(([path, url]) => ({
      url,
      eyesClosed: path.includes('eyes-closed'),
      mouthOpen: path.includes('mouth-open'),
    }));
}

function creditFor(name: string): PortraitCredit {
  if (name.startsWith('flare-')) return FLARE_CREDIT;
  const credit = PUBLIC_DOMAIN[name];
  if (!credit) throw new Error(`demo: no credit recorded for portrait ${name}; add it to demo-game/src/portraits.ts.`);
  return credit;
}

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Every portrait, human faces first alphabetically as the files sort. */
export const PORTRAITS: readonly Portrait[] = [
  ...Object.entries(PORTRAIT_URLS).map(([path, url]) => ({ name: fileName(path), url, credit: creditFor(fileName(path)) })),
  ...Object.entries(FEW_SHOT_URLS).map(([path, url]) => {
    const name = fileName(path);
    return { name, url, credit: RENPY_CREDIT, shots: shotsOf(name.replace(/\.png$/, '')) };
  }),
].sort((a, b) => a.name.localeCompare(b.name));

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
