import { ConfigError } from '../errors.js';
import type { Random } from '../random.js';

/** Values of named template slots; a value may itself contain slots. */
export type TemplateSlots = Readonly<Record<string, readonly string[]>>;

// `{name}` picks a slot value; `{3..12}` picks an integer in the range (both inclusive).
const SLOT_PATTERN = /\{([A-Za-z]\w*|\d+\.\.\d+)\}/g;
const MAX_SLOT_DEPTH = 4;

/**
 * Fills `{name}` and `{min..max}` slots of a template with seeded random choices.
 * Slot values may contain slots, expanded up to 4 levels deep.
 * @throws ConfigError when a slot has no values or expansion nests too deep.
 */
export function fillTemplate(template: string, slots: TemplateSlots, random: Random): string {
  return expandTemplate(template, slots, random, 0);
}

/** A slot as compiled: a name to look up, or an integer range (both inclusive). */
interface CompiledSlot {
  /** As written between the braces, e.g. `request` or `3..12`. */
  readonly name: string;
  readonly range: boolean;
  readonly min: number;
  readonly max: number;
}

/** A template split once: `texts[0]`, slot 0, `texts[1]`, slot 1, ..., `texts[n]`. */
interface CompiledTemplate {
  readonly texts: readonly string[];
  readonly slots: readonly CompiledSlot[];
}

// Templates and slot values are a finite set per category; the cap guards against callers
// that pass ever-new strings as templates.
const MAX_COMPILED = 10_000;
const compiled = new Map<string, CompiledTemplate>();

function compileSlot(name: string): CompiledSlot {
  const range = name.indexOf('..');
  if (range <= 0) return { name, range: false, min: 0, max: 0 };
  const from = Number(name.slice(0, range));
  const to = Number(name.slice(range + 2));
  return { name, range: true, min: Math.min(from, to), max: Math.max(from, to) };
}

function compile(template: string): CompiledTemplate {
  let result = compiled.get(template);
  if (result === undefined) {
    const parts = template.split(SLOT_PATTERN);
    result = {
      texts: parts.filter((_, i) => i % 2 === 0),
      slots: parts.filter((_, i) => i % 2 === 1).map(compileSlot),
    };
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(template, result);
  }
  return result;
}

function expandTemplate(
  template: string,
  slots: TemplateSlots,
  random: Random,
  depth: number,
): string {
  if (depth > MAX_SLOT_DEPTH) {
    throw new ConfigError(
      `template "${template}": expected slots nested at most ${MAX_SLOT_DEPTH} deep`,
    );
  }
  const { texts, slots: used } = compile(template);
  if (used.length === 0) return template;
  let text = texts[0] as string;
  for (let i = 0; i < used.length; i++) {
    text += expandSlot(used[i] as CompiledSlot, slots, random, depth) + (texts[i + 1] as string);
  }
  return text;
}

function expandSlot(slot: CompiledSlot, slots: TemplateSlots, random: Random, depth: number) {
  if (slot.range) return String(random.int(slot.min, slot.max));
  const values = slots[slot.name];
  if (values === undefined || values.length === 0) {
    throw new ConfigError(`template slot "{${slot.name}}": expected a non-empty list of values`);
  }
  return expandTemplate(random.pick(values), slots, random, depth + 1);
}
