import {
  builtinCategories,
  type CategoryDefinition,
  ConfigError,
  defineTemplateCategory,
  overrideWeights,
} from '@buddy/traffic-core';
import type { SimulatorConfig } from './config-file.js';

/** The built-in categories, plus user categories from the config, with weights overridden. */
export function buildCategories(config: SimulatorConfig): CategoryDefinition[] {
  const user = (config.categories ?? []).map((c) =>
    defineTemplateCategory({
      id: c.id,
      weight: c.weight,
      description: c.description,
      expectation: c.expectation,
      attack: c.attack,
      templates: c.templates.map((text, i) => ({ variant: `template_${i}`, text })),
      slots: c.slots,
    }),
  );
  for (const c of user) {
    if (builtinCategories.some((b) => b.id === c.id)) {
      throw new ConfigError(
        `categories: "${c.id}" is a built-in category; use "weights" to change it`,
      );
    }
  }
  return overrideWeights([...builtinCategories, ...user], config.weights ?? {});
}
