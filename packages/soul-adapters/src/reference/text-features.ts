// Content features the confidence score and the "no actionable request" rule read.

const ACTION_VERBS = new RegExp(
  '\\b(?:set|remind|plan|schedule|book|reserve|send|email|text|call|draft|write|create|make|' +
    'generate|summari[sz]e|translate|convert|calculate|find|search|show|list|compare|add|' +
    'remove|delete|cancel|order|buy|play|pause|turn|dim|open|check|review|update|prepare|' +
    'outline|build|explain|define|tell|give|suggest|recommend|organi[sz]e|track|move|share|' +
    'fix|start|stop|resume|sort(?!\\s+of\\b)|rename|copy|save|print|export|estimate|' +
    'analy[sz]e|design|' +
    'compose|edit|proofread|spell|collect|flag|reply|invite|pay|transfer|look\\s+up|help)\\b',
  'gi',
);
const QUESTION_START =
  /^\s*(?:what|when|where|who|why|how|which|is|are|can|could|would|will|do|does|did|should)\b/i;
// Numbers, capitalised words inside a sentence (names, places, months), quoted strings.
const SPECIFICS = /\d+(?:[.,:]\d+)*|(?<=[a-z0-9,;:)]\s)[A-Z][A-Za-z]+|"[^"\n]{1,80}"/g;
const VAGUE_MARKERS = new RegExp(
  '\\b(?:something|somehow|somewhere|stuff|whatever|thing|things|thingy|unclear|not\\s+sure|' +
    'kind\\s+of|sort\\s+of|maybe|hm+|idk|dunno|you\\s+know|etc|i\\s+guess)\\b',
  'gi',
);
const AMBIGUITY = new RegExp(
  [
    '\\bcould\\s+(?:mean|be|refer\\s+to)\\b',
    '\\bnot\\s+sure\\s+(?:whether|if|which)\\b',
    '\\beither\\b[^.!?\\n]{0,80}?\\bor\\b',
    '\\bwhich\\s+one\\b',
    '\\bdid\\s+you\\s+mean\\b',
    '\\bambiguous\\b',
  ].join('|'),
  'i',
);

/** Counts the features are capped at; more adds nothing to the score. */
const MAX_COUNT = 8;

/** What the reference pipeline reads from a content. */
export interface TextFeatures {
  readonly words: number;
  /** Actionable verbs, capped at 8. */
  readonly actions: number;
  /** Starts like a question ("what", "how", "can", ...). */
  readonly question: boolean;
  /** Numbers, names and quoted strings, capped at 8. */
  readonly specifics: number;
  /** Vagueness markers ("something", "stuff", "not sure"), capped at 8. */
  readonly vague: number;
  /** Ambiguity markers ("could mean", "either ... or"). */
  readonly ambiguous: boolean;
}

/** Measures the features of a text (already capped to the accepted length). */
export function measureFeatures(text: string): TextFeatures {
  return {
    words: countWords(text),
    actions: countMatches(ACTION_VERBS, text),
    question: QUESTION_START.test(text),
    specifics: countMatches(SPECIFICS, text),
    vague: countMatches(VAGUE_MARKERS, text),
    ambiguous: AMBIGUITY.test(text),
  };
}

function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < MAX_COUNT && pattern.exec(text) !== null) count++;
  pattern.lastIndex = 0;
  return count;
}

function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
