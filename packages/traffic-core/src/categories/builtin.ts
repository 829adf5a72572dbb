import type { CategoryDefinition } from '../category.js';
import type { BuiltinCategoryId, CategoryId } from '../types.js';
import { adversarialCategory } from './adversarial.js';
import { clarificationTriggersCategory } from './clarification-triggers.js';
import { conflictingGatesCategory } from './conflicting-gates.js';
import { edgeCasesCategory } from './edge-cases.js';
import { highConfidenceCategory } from './high-confidence.js';
import { lowConfidenceCategory } from './low-confidence.js';
import { multiStepCategory } from './multi-step.js';
import { simpleCategory } from './simple.js';

/** The eight built-in categories of SPEC 2.1, in SPEC order, weighted as the default mix. */
export const builtinCategories: readonly CategoryDefinition[] = Object.freeze([
  simpleCategory,
  multiStepCategory,
  lowConfidenceCategory,
  highConfidenceCategory,
  conflictingGatesCategory,
  clarificationTriggersCategory,
  edgeCasesCategory,
  adversarialCategory,
]);

/** Returns the built-in category with this id (undefined for an unknown id). */
export function getBuiltinCategory(id: BuiltinCategoryId): CategoryDefinition;
export function getBuiltinCategory(id: CategoryId): CategoryDefinition | undefined;
export function getBuiltinCategory(id: CategoryId): CategoryDefinition | undefined {
  return builtinCategories.find((category) => category.id === id);
}
