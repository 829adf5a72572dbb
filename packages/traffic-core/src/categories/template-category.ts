import type { CategoryDefinition, GeneratedContent } from '../category.js';
import { ConfigError } from '../errors.js';
import type { CategoryId, Expectation } from '../types.js';
import { fillTemplate, type TemplateSlots } from './fill-template.js';

/** One content template and the variant name its requests carry. */
export interface ContentTemplate {
  readonly variant: string;
  /** Text with `{slot}` and `{min..max}` placeholders. */
  readonly text: string;
}

/** Everything needed to define a category whose content comes from templates. */
export interface TemplateCategoryOptions {
  readonly id: CategoryId;
  readonly weight: number;
  readonly description: string;
  readonly expectation: Expectation;
  readonly attack?: boolean;
  readonly templates: readonly ContentTemplate[];
  readonly slots: TemplateSlots;
}

/** Defines a category that picks one template at random and fills its slots. */
export function defineTemplateCategory(options: TemplateCategoryOptions): CategoryDefinition {
  const { templates, slots, attack } = options;
  if (templates.length === 0) {
    throw new ConfigError(`category "${options.id}": expected at least one template`);
  }
  return {
    id: options.id,
    weight: options.weight,
    description: options.description,
    expectation: options.expectation,
    ...(attack !== undefined ? { attack } : {}),
    generate({ random }): GeneratedContent {
      const template = random.pick(templates);
      return { content: fillTemplate(template.text, slots, random), variant: template.variant };
    },
  };
}
