// Who lives in the courtyard: each NPC's name, Flare portrait, voice pitch and conversation.
import type { DialogueScript } from '../dialogue/dialogueScript';

/** One character of the game, as data. */
export interface NpcDefinition {
  /** Shown on the name plate and in the dialogue panel. */
  readonly name: string;
  /** A file in tests/fixtures/portraits (see ../../portraits.ts). */
  readonly portrait: string;
  /** Seed of the character's idle life, so no two blink in step. */
  readonly seed: number;
  /** speechSynthesis pitch, 0..2, when the browser has a voice. */
  readonly pitch: number;
  readonly script: DialogueScript;
}

/** A goodbye every conversation can end with. */
const FAREWELL = { text: 'Farewell.', next: null } as const;

/** The cast, in their places around the courtyard (clockwise from the one the player first faces). */
export const NPC_CAST: readonly NpcDefinition[] = [
  {
    name: 'Mira the Herbalist', portrait: 'flare-female01.png', seed: 11, pitch: 1.2,
    script: {
      start: 'hello',
      nodes: {
        hello: {
          line: 'Well met, traveller. The road north is dangerous after dark.',
          choices: [{ text: 'What makes it dangerous?', next: 'danger' }, { text: 'Do you sell herbs?', next: 'herbs' }, FAREWELL],
        },
        danger: { line: 'Wolves, mostly. And the mist that rolls off the marsh at dusk.', choices: [{ text: 'I will take care.', next: null }] },
        herbs: { line: 'Sage for courage, mint for a clear head. Come back when the moon is full.', choices: [FAREWELL] },
      },
    },
  },
  {
    name: 'Captain Aldric', portrait: 'flare-male01.png', seed: 23, pitch: 0.8,
    script: {
      start: 'hello',
      nodes: {
        hello: {
          line: 'Stand straight when you speak to the guard. What is your business here?',
          choices: [{ text: 'I am only passing through.', next: 'passing' }, { text: 'I am looking for work.', next: 'work' }],
        },
        passing: { line: 'Then pass quietly, and keep your blade in its sheath.', choices: [FAREWELL] },
        work: { line: 'The watch needs eyes on the east wall. Report to me at first light.', choices: [{ text: 'I will be there.', next: null }] },
      },
    },
  },
  {
    name: 'Selene the Scholar', portrait: 'flare-female03.png', seed: 37, pitch: 1.1,
    script: {
      start: 'hello',
      nodes: {
        hello: {
          line: 'Did you know these paintings were made by the old masters of the valley?',
          choices: [{ text: 'Tell me more.', next: 'more' }, FAREWELL],
        },
        more: { line: 'They say a painted face remembers everyone who looks at it. I like to think it is true.', choices: [FAREWELL] },
      },
    },
  },
  {
    name: 'Brother Tomas', portrait: 'flare-male03.png', seed: 41, pitch: 0.9,
    script: {
      start: 'hello',
      nodes: {
        hello: {
          line: 'Peace be with you. The chapel bells will ring at noon.',
          choices: [{ text: 'Can you heal me?', next: 'heal' }, FAREWELL],
        },
        heal: { line: 'Rest by the fountain a while. Time heals most wounds, and soup heals the rest.', choices: [FAREWELL] },
      },
    },
  },
  {
    name: 'Ysolde the Merchant', portrait: 'flare-female05.png', seed: 53, pitch: 1.3,
    script: {
      start: 'hello',
      nodes: {
        hello: {
          line: 'Silks from the south, spices from the east. Everything has a price, friend.',
          choices: [{ text: 'What do you have today?', next: 'wares' }, { text: 'Too rich for me.', next: 'poor' }],
        },
        wares: { line: 'A lantern that never goes out, and a map with one corner missing.', choices: [FAREWELL] },
        poor: { line: 'Come back when your purse is heavier. I will remember your face.', choices: [FAREWELL] },
      },
    },
  },
  {
    name: 'Old Gareth', portrait: 'flare-male05.png', seed: 67, pitch: 0.7,
    script: {
      start: 'hello',
      nodes: {
        hello: {
          line: 'Eh? Speak up, young one. My ears are not what they were.',
          choices: [{ text: 'I said hello!', next: 'loud' }, FAREWELL],
        },
        loud: { line: 'Hello to you too! No need to shout, I am old, not deaf.', choices: [FAREWELL] },
      },
    },
  },
  {
    name: 'Lady Maren', portrait: 'flare-female07.png', seed: 79, pitch: 1.0,
    script: {
      start: 'hello',
      nodes: {
        hello: {
          line: 'You are new in town. Tell me, do you bring news from the capital?',
          choices: [{ text: 'The king is ill.', next: 'king' }, { text: 'No news, my lady.', next: null }],
        },
        king: { line: 'Then we must be ready. Thank you, traveller, keep this to yourself.', choices: [FAREWELL] },
      },
    },
  },
  {
    name: 'Finn the Bard', portrait: 'flare-male07.png', seed: 83, pitch: 1.1,
    script: {
      start: 'hello',
      nodes: {
        hello: {
          line: 'A song for a copper? I know ballads of dragons, heroes and one very brave goat.',
          choices: [{ text: 'The goat, please.', next: 'goat' }, FAREWELL],
        },
        goat: { line: 'The goat climbed the tower, and the tower climbed the sky. That is the whole song.', choices: [FAREWELL] },
      },
    },
  },
];
