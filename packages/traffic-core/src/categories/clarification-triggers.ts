import type { CategoryDefinition } from '../category.js';
import { sharedSlots } from './shared-slots.js';
import { defineTemplateCategory } from './template-category.js';

/** Actionable but ambiguous asks ("could mean X or Y"): passed, routed to clarification. */
export const clarificationTriggersCategory: CategoryDefinition = defineTemplateCategory({
  id: 'clarification_triggers',
  weight: 10,
  description: 'ambiguous asks, e.g. "could mean X or Y"',
  expectation: { preValidation: 'passed', approvalPaths: ['clarification'] },
  templates: [
    {
      variant: 'which_place',
      text:
        'book a table at {restaurant}, which could ' +
        'mean the one on {street} or the one in {city}',
    },
    {
      variant: 'which_person',
      text: 'send the file to {name}; that could be {name} {surname} or {name} {surname}',
    },
    {
      variant: 'which_date',
      text: 'schedule the review for {weekday}, not sure whether this {weekday} or next',
    },
    {
      variant: 'which_version',
      text: 'open the {doc} report, either the {month} version or the latest draft',
    },
    {
      variant: 'which_number',
      text: 'call {name} back, it could mean the mobile or the office number',
    },
    {
      variant: 'which_meeting',
      text: 'move my {clock} meeting, could be the one with {name} or the {team} sync',
    },
    {
      variant: 'which_track',
      text: 'play "{song}", not sure if the original or the {remix}',
    },
  ],
  slots: {
    ...sharedSlots,
    restaurant: ['Luigi', 'Sakura', 'The Olive Tree', 'Blue Door', 'Mama Put', 'Casa Verde'],
    street: ['Main Street', 'Elm Road', 'the harbour', 'Station Square'],
    doc: ['budget', 'sales', 'hiring', 'churn', 'inventory'],
    team: ['platform', 'design', 'sales', 'support'],
    song: ['Blue Monday', 'Hurricane', 'Dreams', 'Halo', 'Respect'],
    remix: ['remix', 'live version', 'acoustic cover', 'extended mix'],
  },
});
