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

/** A template split once into literal text and slot names, in order (odd indexes are slots). */
type CompiledTemplate = readonly string[];

// Templates and slot values are a finite set per category; the cap guards against callers
// that pass ever-new strings as templates.
const MAX_COMPILED = 10_000;
const compiled = new Map<string, CompiledTemplate>();

function compile(template: string): CompiledTemplate {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(SLOT_PATTERN);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(template, parts);
  }
  return parts;
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
  const parts = compile(template);
  if (parts.length === 1) return template;
  let text = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    text += expandSlot(parts[i] as string, slots, random, depth) + (parts[i + 1] as string);
  }
  return text;
}

function expandSlot(name: string, slots: TemplateSlots, random: Random, depth: number): string {
  const range = name.indexOf('..');
  if (range > 0) {
    const min = Number(name.slice(0, range));
    const max = Number(name.slice(range + 2));
    return String(random.int(Math.min(min, max), Math.max(min, max)));
  }
  const values = slots[name];
  if (values === undefined || values.length === 0) {
    throw new ConfigError(`template slot "{${name}}": expected a non-empty list of values`);
  }
  return expandTemplate(random.pick(values), slots, random, depth + 1);
}
