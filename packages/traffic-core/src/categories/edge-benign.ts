import type { ContentOptions, GenerateContext, GeneratedContent } from '../category.js';
import { ConfigError } from '../errors.js';
import type { Random } from '../random.js';
import type { Expectation } from '../types.js';
import { fillTemplate } from './fill-template.js';
import { isRightToLeft, scriptWords } from './scripts.js';
import { sharedSlots } from './shared-slots.js';

/** Benign edge cases may take any path; "never an error" is the run loop's check. */
export const benignEdgeExpectation: Expectation = {};

/** Share of benign edge cases that wrap a real request instead of bare payload. */
const REQUEST_SHARE = 0.1;

const REQUEST_SLOTS = {
  ...sharedSlots,
  request: [
    'set a timer for {1..59} minutes',
    'what time is it in {city}?',
    'convert {1..500} miles to kilometres',
    'play some jazz',
  ],
};

const FILLER = [
  'The autumn garden committee met near the old river bridge.',
  'Blue herons gathered along the quiet northern shore at dawn.',
  'A gentle wind carried the smell of rain across the valley.',
  'The library on Harbour Street keeps maps from the last century.',
  'Three cyclists passed the bakery as the market stalls filled up.',
  'Lanterns glowed softly above the narrow stone stairs.',
  'The museum courtyard hosted a small jazz quartet in June.',
  'Fresh bread cooled on the wooden counter by the window.',
  'Clouds drifted over the hills toward the coast.',
  'The ferry to the island departs twice each morning.',
];

const EMOJI = [
  '😀',
  '🎉',
  '🔥',
  '👍🏽',
  '❤️',
  '🚀',
  '🌍',
  '🍕',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇯🇵',
  '🇧🇷',
  '1️⃣',
  '🤖',
  '🥑',
  '✨',
  '🙏🏿',
  '🧑‍💻',
  '🐍',
  '☕',
];

/** Variants of benign edge cases: size, emoji, scripts and nesting. */
export const benignEdgeVariants = ['very_long', 'emoji', 'rtl', 'deep_nesting'] as const;

const generators: Record<(typeof benignEdgeVariants)[number], (c: GenerateContext) => string> = {
  very_long: generateVeryLong,
  emoji: generateEmoji,
  rtl: generateRightToLeft,
  deep_nesting: generateDeepNesting,
};

/** Generates one benign edge case of the given variant; it is not an attack. */
export function generateBenignEdge(
  variant: (typeof benignEdgeVariants)[number],
  context: GenerateContext,
): GeneratedContent {
  const content = generators[variant](context);
  return { content, variant, expectation: benignEdgeExpectation, attack: false };
}

function maybeRequest(random: Random): string | undefined {
  return random.chance(REQUEST_SHARE)
    ? fillTemplate('{request}', REQUEST_SLOTS, random)
    : undefined;
}

// Log-uniform length, so most long inputs are a few thousand characters and averages stay sane.
function generateVeryLong({ random, options }: GenerateContext): string {
  const { longInputMinChars: minChars, longInputMaxChars: maxChars } = options;
  if (!(minChars >= 1 && maxChars >= minChars)) {
    throw new ConfigError(
      'content options: expected 1 <= longInputMinChars <= longInputMaxChars, ' +
        `received ${minChars} and ${maxChars}`,
    );
  }
  const lengthChars = Math.round(minChars * (maxChars / minChars) ** random.next());
  const request = maybeRequest(random);
  const parts: string[] = request === undefined ? [] : [`${request}. Notes:`];
  let total = 0;
  while (total < lengthChars) {
    const sentence = random.pick(FILLER);
    parts.push(sentence);
    total += sentence.length + 1;
  }
  return parts.join(' ').slice(0, lengthChars);
}

function generateEmoji({ random }: GenerateContext): string {
  const count = random.int(1, 40);
  const separator = random.pick(['', ' ', '  ']);
  const emoji: string[] = [];
  for (let i = 0; i < count; i++) emoji.push(random.pick(EMOJI));
  const request = maybeRequest(random);
  return request === undefined ? emoji.join(separator) : `${request} ${emoji.join(separator)}`;
}

function generateRightToLeft({ random, options }: GenerateContext): string {
  const scripts = options.scripts.length > 0 ? options.scripts : (['arabic', 'hebrew'] as const);
  const rightToLeft = scripts.filter(isRightToLeft);
  const main = random.pick(rightToLeft.length > 0 ? rightToLeft : scripts);
  const count = random.int(3, 30);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const script = random.chance(0.7) ? main : random.pick(scripts);
    words.push(random.pick(scriptWords[script]));
    if (random.chance(0.1)) words.push(String(random.int(1, 2026)));
  }
  const request = maybeRequest(random);
  const text = words.join(random.chance(0.2) ? ' \u200f' : ' ');
  return request === undefined ? text : `${request}, and translate this: ${text}`;
}

function generateDeepNesting({ random, options }: GenerateContext): string {
  const maxDepth = checkNestingDepth(options);
  const depth = random.int(Math.max(1, Math.floor(maxDepth / 4)), maxDepth);
  const request = maybeRequest(random);
  const shape = random.pick(['json', 'parens', 'brackets', 'quotes'] as const);
  if (shape === 'json') {
    const key = random.pick(['a', 'node', 'child', 'data', 'level']);
    const inner = request === undefined ? random.pick(['1', 'null', '"x"', '[]']) : `"${request}"`;
    return `{"${key}":`.repeat(depth) + inner + '}'.repeat(depth);
  }
  const inner = request ?? random.pick(['x', '42', 'ok', '']);
  if (shape === 'quotes') return '> '.repeat(depth) + inner;
  const [open, close] = shape === 'parens' ? ['(', ')'] : ['[', ']'];
  return open.repeat(depth) + inner + close.repeat(depth);
}

function checkNestingDepth(options: ContentOptions): number {
  const depth = options.maxNestingDepth;
  if (!Number.isInteger(depth) || depth < 1) {
    throw new ConfigError(
      `content options: expected maxNestingDepth to be an integer >= 1, received ${depth}`,
    );
  }
  return depth;
}
