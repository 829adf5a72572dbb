import type { CategoryDefinition } from '../category.js';
import { sharedSlots } from './shared-slots.js';
import { defineTemplateCategory } from './template-category.js';

/** Short everyday asks ("what time is it?"): passed, approved, confidence >= 0.60. */
export const simpleCategory: CategoryDefinition = defineTemplateCategory({
  id: 'simple',
  weight: 25,
  description: 'short everyday asks, e.g. "what time is it?"',
  expectation: { preValidation: 'passed', approvalPaths: ['approved'], minConfidence: 0.6 },
  templates: [
    { variant: 'time', text: 'what time is it?' },
    { variant: 'time', text: 'what time is it in {city}?' },
    { variant: 'time', text: "what's the time in {city} right now?" },
    { variant: 'weather', text: "what's the weather in {city} today?" },
    { variant: 'weather', text: 'will it rain in {city} {when}?' },
    { variant: 'timer', text: 'set a timer for {1..59} minutes' },
    { variant: 'timer', text: 'set an alarm for {clock}' },
    { variant: 'math', text: 'what is {2..99} times {2..99}?' },
    { variant: 'math', text: 'calculate {2..40} percent of {10..900}' },
    { variant: 'convert', text: 'convert {1..500} {units}' },
    { variant: 'define', text: 'define the word "{word}"' },
    { variant: 'define', text: 'what does {word} mean?' },
    { variant: 'home', text: 'turn on the {room} lights' },
    { variant: 'home', text: 'dim the {room} lights to {10..90} percent' },
    { variant: 'music', text: 'play some {genre} music' },
    { variant: 'call', text: 'call {name}' },
    { variant: 'call', text: "text {name} that I'm running {5..20} minutes late" },
  ],
  slots: {
    ...sharedSlots,
    when: ['today', 'tonight', 'tomorrow', 'this weekend', 'on {weekday}'],
    units: [
      'miles to kilometres',
      'pounds to kilograms',
      'cups to millilitres',
      'fahrenheit to celsius',
      'inches to centimetres',
      'dollars to euros',
    ],
    word: ['ephemeral', 'ubiquitous', 'serendipity', 'laconic', 'quixotic', 'petrichor'],
    genre: ['jazz', 'lo-fi', 'classical', 'reggae', 'afrobeat', 'ambient', 'bossa nova'],
  },
});
