import type { CategoryDefinition, GenerateContext, GeneratedContent } from '../category.js';
import { benignEdgeVariants, generateBenignEdge } from './edge-benign.js';
import { generateHostileEdge, hostileEdgeVariants } from './edge-hostile.js';

type EdgeVariant = (typeof hostileEdgeVariants)[number] | (typeof benignEdgeVariants)[number];

const VARIANTS: readonly EdgeVariant[] = [...hostileEdgeVariants, ...benignEdgeVariants];

function isHostile(variant: EdgeVariant): variant is (typeof hostileEdgeVariants)[number] {
  return (hostileEdgeVariants as readonly string[]).includes(variant);
}

/**
 * Edge cases, one of eight variants with equal odds. Hostile ones (injection, XSS, traversal,
 * NUL bytes) are attacks that must not be approved; benign ones may take any path.
 */
export const edgeCasesCategory: CategoryDefinition = {
  id: 'edge_cases',
  weight: 12,
  description:
    'SQL injection, XSS, path traversal, NUL bytes, very long input, emoji, RTL, deep nesting',
  expectation: {},
  generate(context: GenerateContext): GeneratedContent {
    const variant = context.random.pick(VARIANTS);
    return isHostile(variant)
      ? generateHostileEdge(variant, context)
      : generateBenignEdge(variant, context);
  },
};
