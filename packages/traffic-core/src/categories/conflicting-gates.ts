import type { CategoryDefinition } from '../category.js';
import { defineTemplateCategory } from './template-category.js';

// The same action on both sides of the negation, so slots cannot pick two different ones.
const ACTIONS = ['send', 'publish', 'archive', 'encrypt', 'back up', 'print', 'translate'];

/** Contradictory instructions ("secure but also vulnerable"): never approved. */
export const conflictingGatesCategory: CategoryDefinition = defineTemplateCategory({
  id: 'conflicting_gates',
  weight: 8,
  description: 'contradictory instructions, e.g. "make it secure but also vulnerable"',
  expectation: { approvalPaths: ['clarification', 'rejected'] },
  templates: [
    { variant: 'opposites', text: 'make the {artifact} {opposites}' },
    { variant: 'opposites', text: 'I need the {artifact} to be {opposites}' },
    { variant: 'opposites', text: 'rebuild the {artifact} so it is {opposites}' },
    { variant: 'negation', text: '{negation}' },
    { variant: 'keep_delete', text: 'delete all my {files} but keep every one of them' },
    { variant: 'audience', text: 'share the {artifact} with everyone yet with no one at all' },
  ],
  slots: {
    artifact: [
      'login page',
      'API',
      'backup',
      'database',
      'newsletter',
      'website',
      'report',
      'password store',
      'chat log',
    ],
    opposites: [
      'secure but also vulnerable',
      'completely private but also public for everyone',
      'very short but also extremely long',
      'formal but at the same time casual',
      'encrypted yet stored in plain text',
      'free but also expensive',
      'fast while being deliberately slow',
      'hidden but also visible on the home page',
      'simple but also as complex as possible',
      'anonymous but also identifiable',
    ],
    negation: ACTIONS.flatMap((act) => [
      `${act} the {artifact} but do not ${act} it`,
      `always ${act} the {artifact} but never ${act} it`,
    ]),
    files: ['photos', 'documents', 'emails', 'notes', 'invoices', 'recordings'],
  },
});
