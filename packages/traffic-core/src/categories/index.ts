export { builtinCategories, getBuiltinCategory } from './builtin.js';
export { fillTemplate, type TemplateSlots } from './fill-template.js';
export {
  type ContentTemplate,
  defineTemplateCategory,
  type TemplateCategoryOptions,
} from './template-category.js';
