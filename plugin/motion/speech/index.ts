// Speech from text: words → phones → OVR visemes → timed, coarticulated mouth weights, and the SpeechSource that plays them.
export { ARPABET_PHONES, basePhone, isVowelPhone, parsePronunciation, phoneStress, type PhoneClass } from './arpabet';
export { alignToWordTimes, MAX_WORD_STRETCH } from './alignToWordTimes';
export { letterToSound } from './letterToSound';
export { digitsToWords } from './numberWords';
export { PhonemeDictionary, type PhonemeDictionaryOptions, type PronunciationEntries } from './PhonemeDictionary';
export { PAUSE_DURATIONS_MS, PHONE_DURATIONS_MS, phoneDurationMs } from './phoneDurations';
export { SpeechSource } from './SpeechSource';
export type { SayOptions, SpeechOverlap, SpeechSourceOptions } from './speechSourceOptions';
export { tokenizeText, type PauseKind, type TextToken } from './textTokens';
export { TextToVisemes, type TimelineOptions } from './TextToVisemes';
export { VisemeBlender } from './VisemeBlender';
export { PHONE_VISEMES, phoneToVisemes, Viseme, VISEME_COUNT, VISEME_NAMES, type VisemeName } from './visemes';
export { SPEECH_BLENDSHAPES, VISEME_JAW_DOMINANCE, VISEME_LIP_DOMINANCE, VISEME_SHAPES, type VisemeShape } from './visemeShapes';
export {
  buildVisemeTimeline, LEAD_IN_MS, MAX_SPEECH_RATE, MIN_SPEECH_RATE, TAIL_MS,
  type SpokenItem, type TimelineWord, type VisemeSegment, type VisemeTimeline, type VisemeTimelineOptions,
} from './visemeTimeline';
