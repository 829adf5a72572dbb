import type { CategoryDefinition } from '../category.js';
import { sharedSlots } from './shared-slots.js';
import { defineTemplateCategory } from './template-category.js';

/** Workflows of several steps: passed, approved, confidence >= 0.55. */
export const multiStepCategory: CategoryDefinition = defineTemplateCategory({
  id: 'multi_step',
  weight: 15,
  description: 'workflows, e.g. "plan my day and set reminders at 9 and 3"',
  expectation: { preValidation: 'passed', approvalPaths: ['approved'], minConfidence: 0.55 },
  templates: [
    { variant: 'day_plan', text: 'plan my day and set reminders at {clock} and {clock}' },
    { variant: 'day_plan', text: 'plan my {weekday} and remind me to {task} at {clock}' },
    {
      variant: 'travel',
      text:
        'find a flight to {city} on {weekday}, book a ' +
        'hotel near the centre and add both to my calendar',
    },
    {
      variant: 'meeting',
      text:
        'check my calendar for {weekday}, schedule a {15..90} ' +
        'minute meeting with {name} and send the invite',
    },
    {
      variant: 'dinner',
      text:
        'find a {cuisine} restaurant, reserve a table for ' +
        '{2..8} at {clock}, then text {name} the address',
    },
    {
      variant: 'errands',
      text:
        'make a shopping list for {dish}, order the ' +
        'missing items and remind me to cook at {clock}',
    },
    {
      variant: 'email',
      text:
        'summarize my unread emails, draft replies to ' +
        'the ones from {name} and flag the urgent ones',
    },
    {
      variant: 'fitness',
      text:
        'create a {3..6} day workout plan, add the ' +
        'sessions to my calendar and remind me at {clock}',
    },
    {
      variant: 'report',
      text:
        'collect the sales numbers for {month}, build ' +
        'a chart and share it with {name} by {weekday}',
    },
  ],
  slots: {
    ...sharedSlots,
    task: [
      'call the dentist',
      'water the plants',
      'pay rent',
      'book a haircut',
      'send the invoice',
    ],
    dish: ['lasagna', 'pad thai', 'jollof rice', 'ramen', 'shakshuka', 'tacos'],
  },
});
