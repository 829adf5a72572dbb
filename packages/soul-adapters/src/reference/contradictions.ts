// Contradictory instructions: an antonym pair joined by a contrast ("secure but also
// vulnerable"), or an action followed by its own negation ("send it but do not send it").

const ANTONYM_PAIRS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    ['secure', 'securely', 'safe'],
    ['insecure', 'vulnerable', 'unsafe'],
  ],
  [
    ['private', 'privately'],
    ['public', 'publicly'],
  ],
  [
    ['short', 'brief', 'concise'],
    ['long', 'lengthy'],
  ],
  [['formal'], ['casual', 'informal']],
  [['encrypted'], ['plain text', 'plaintext', 'unencrypted']],
  [['free', 'cheap'], ['expensive']],
  [['fast', 'quick'], ['slow']],
  [['hidden', 'invisible'], ['visible']],
  [['simple'], ['complex', 'complicated']],
  [['anonymous'], ['identifiable']],
  [
    ['everyone', 'everybody'],
    ['no one', 'nobody'],
  ],
  [['delete'], ['keep']],
  [['always'], ['never']],
];

// Word -> pair index * 2 + side.
const SIDE_BY_WORD = new Map<string, number>();
ANTONYM_PAIRS.forEach(([left, right], pair) => {
  for (const word of left) SIDE_BY_WORD.set(word, pair * 2);
  for (const word of right) SIDE_BY_WORD.set(word, pair * 2 + 1);
});

const ANTONYM_WORDS = new RegExp(
  `\\b(?:${[...SIDE_BY_WORD.keys()].map((w) => w.replace(' ', '\\s+')).join('|')})\\b`,
  'gi',
);
const CONTRAST = /\b(?:but|yet|while|whilst|although|though)\b|\bat\s+the\s+same\s+time\b/i;
const NEGATION = "(?:do\\s+not|don't|never|must\\s+not)";
const NEGATION_GATE = new RegExp(`\\b${NEGATION}\\b`, 'i');
const SELF_NEGATION = new RegExp(
  `\\b([a-z]{3,20})\\b[^.!?\\n]{0,60}?\\b(?:but|and|yet)\\s+(?:also\\s+)?${NEGATION}\\s+\\1\\b`,
  'i',
);

// Reused between calls: which sides of each pair were seen (bit 1 left, bit 2 right).
const seenSides = new Uint8Array(ANTONYM_PAIRS.length);

/** True when the text contains contradictory instructions. */
export function hasContradiction(text: string): boolean {
  if (CONTRAST.test(text) && hasAntonymPair(text)) return true;
  return NEGATION_GATE.test(text) && SELF_NEGATION.test(text);
}

function hasAntonymPair(text: string): boolean {
  seenSides.fill(0);
  ANTONYM_WORDS.lastIndex = 0;
  for (let match = ANTONYM_WORDS.exec(text); match !== null; match = ANTONYM_WORDS.exec(text)) {
    const code = SIDE_BY_WORD.get(match[0].toLowerCase().replace(/\s+/g, ' '));
    if (code === undefined) continue;
    const pair = code >> 1;
    seenSides[pair] = (seenSides[pair] as number) | (1 << (code & 1));
    if (seenSides[pair] === 3) {
      ANTONYM_WORDS.lastIndex = 0;
      return true;
    }
  }
  return false;
}
