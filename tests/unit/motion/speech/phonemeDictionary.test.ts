import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARPABET_PHONES, parsePronunciation } from '../../../../plugin/motion/speech/arpabet';
import { PhonemeDictionary } from '../../../../plugin/motion/speech/PhonemeDictionary';

let cmu: PhonemeDictionary;
beforeAll(async () => {
  cmu = await PhonemeDictionary.LoadAsync({ words: { zorblax: 'Z AO1 R B L AE2 K S', hello: 'HH EH1 L OW0' } });
});

/** Every file under plugin/, for the no-eager-import check. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('PhonemeDictionary', () => {
  it('looks up CMU words with stress digits', async () => {
    const plain = await PhonemeDictionary.LoadAsync();
    expect(plain.hasBaseDictionary).toBe(true);
    expect(plain.lookup('hello')).toEqual(['HH', 'AH0', 'L', 'OW1']);
    expect(plain.pronounce('Hello')).toEqual(['HH', 'AH0', 'L', 'OW1']);
    expect(plain.pronounce('world')).toEqual(['W', 'ER1', 'L', 'D']);
    expect(plain.lookup('zorblax')).toBeUndefined();
  });

  it('puts the game’s own words over the CMU dictionary', () => {
    expect(cmu.lookup('ZORBLAX')).toEqual(['Z', 'AO1', 'R', 'B', 'L', 'AE2', 'K', 'S']);
    expect(cmu.pronounce('hello')).toEqual(['HH', 'EH1', 'L', 'OW0']);
    expect(cmu.pronounce('world')).toEqual(['W', 'ER1', 'L', 'D']);
    cmu.addWords({ Kaelthas: ['K', 'EY1', 'L', 'TH', 'AH0', 'S'] });
    expect(cmu.pronounce('kaelthas')).toEqual(['K', 'EY1', 'L', 'TH', 'AH0', 'S']);
  });

  it('reads contractions from the dictionary and builds the ones it lacks', () => {
    expect(cmu.pronounce("don't")).toEqual(['D', 'OW1', 'N', 'T']);
    expect(cmu.pronounce('it’s')).toEqual(['IH1', 'T', 'S']);
    expect(cmu.pronounce("Zorblax's")).toEqual(['Z', 'AO1', 'R', 'B', 'L', 'AE2', 'K', 'S', 'IH0', 'Z']);
    expect(cmu.pronounce("kaelthas'")).toEqual(['K', 'EY1', 'L', 'TH', 'AH0', 'S']);
    expect(cmu.pronounce("zorblax'll")).toEqual(['Z', 'AO1', 'R', 'B', 'L', 'AE2', 'K', 'S', 'L']);
    cmu.addWords({ grak: 'G R AE1 K', mok: 'M AA1 K' });
    expect(cmu.pronounce("grak's")).toEqual(['G', 'R', 'AE1', 'K', 'S']);
    expect(cmu.pronounce("mok'd")).toEqual(['M', 'AA1', 'K', 'D']);
  });

  it('falls back to letter-to-sound rules for unknown words', () => {
    const phones = cmu.pronounce('Vrenthak');
    expect(phones.length).toBeGreaterThan(4);
    expect(phones[0]).toBe('V');
    expect(phones.every((p) => Object.hasOwn(ARPABET_PHONES, p.replace(/[012]$/, '')))).toBe(true);
  });

  it('works without the CMU dictionary, from the game’s words and rules only', async () => {
    const small = await PhonemeDictionary.LoadAsync({ useCmuDictionary: false, words: { hi: 'HH AY1' } });
    expect(small.hasBaseDictionary).toBe(false);
    expect(small.pronounce('hi')).toEqual(['HH', 'AY1']);
    expect(small.lookup('hello')).toBeUndefined();
    expect(small.pronounce('hello').length).toBeGreaterThan(2);
  });

  it('refuses malformed pronunciations with the word in the message', () => {
    expect(() => new PhonemeDictionary({ glorp: 'G L XX1 P' })).toThrow(/"XX1".*"glorp"/);
    expect(() => new PhonemeDictionary({ glorp: 'G1 L AO1 P' })).toThrow(RangeError);
    expect(() => new PhonemeDictionary({ glorp: '' })).toThrow(/empty/);
    expect(() => new PhonemeDictionary({ ' ': 'AA1' })).toThrow(RangeError);
    expect(() => new PhonemeDictionary({ glorp: 42 as unknown as string })).toThrow(TypeError);
    expect(parsePronunciation('z ao r', 'zor')).toEqual(['Z', 'AO0', 'R']);
  });

  it('is not loaded by importing the plugin: only a dynamic import inside LoadAsync names it', () => {
    const root = join(__dirname, '../../../../plugin');
    const importers = sourceFiles(root).filter((file) => readFileSync(file, 'utf8').includes('cmu-pronouncing-dictionary'));
    expect(importers.map((file) => file.slice(root.length + 1))).toEqual(['motion/speech/PhonemeDictionary.ts']);
    const source = readFileSync(join(root, 'motion/speech/PhonemeDictionary.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import[^(]*['"]cmu-pronouncing-dictionary['"]/m);
    expect(source).toMatch(/await import\('cmu-pronouncing-dictionary'\)/);
  });
});
