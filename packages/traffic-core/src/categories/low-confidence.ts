import type { CategoryDefinition } from '../category.js';
import { defineTemplateCategory } from './template-category.js';

/** Vague inputs with nothing to act on: not approved, confidence < 0.55. */
export const lowConfidenceCategory: CategoryDefinition = defineTemplateCategory({
  id: 'low_confidence',
  weight: 10,
  description: 'vague inputs, e.g. "something something unclear"',
  expectation: { approvalPaths: ['clarification', 'rejected'], belowConfidence: 0.55 },
  templates: [
    { variant: 'mumble', text: '{vague}{sep}{vague}{end}' },
    { variant: 'mumble', text: '{vague}{sep}{vague}{sep}{vague}{end}' },
    { variant: 'fragment', text: '{vague}{end}' },
  ],
  slots: {
    vague: [
      'something something unclear',
      'hmm',
      'the thing from before',
      'stuff, you know',
      'maybe later or whatever',
      'not sure really',
      'kind of that one thing',
      'sort of like last time',
      'idk',
      'whatever works I guess',
      'something about the stuff',
      'you know what I mean',
      'the usual thing maybe',
      'somehow, somewhere',
      'that thingy',
      'hmm not sure',
      'dunno, something',
      'maybe the other stuff',
      'some kind of thing',
      'etc etc',
    ],
    sep: [' ', '... ', ', ', ' - '],
    end: ['', '?', '...', '.'],
  },
});
