import type { CategoryDefinition } from '../category.js';
import { sharedSlots } from './shared-slots.js';
import { defineTemplateCategory } from './template-category.js';

/** Detailed, specific asks: passed, approved, confidence >= 0.85. */
export const highConfidenceCategory: CategoryDefinition = defineTemplateCategory({
  id: 'high_confidence',
  weight: 15,
  description: 'detailed, specific asks, e.g. "draft a Q1 project plan with milestones"',
  expectation: { preValidation: 'passed', approvalPaths: ['approved'], minConfidence: 0.85 },
  templates: [
    {
      variant: 'project_plan',
      text:
        'draft a {quarter} project plan for {project} with {3..8} milestones, named owners, ' +
        'a budget of {10..500}k USD and a status review every {weekday} at {clock}',
    },
    {
      variant: 'report',
      text:
        'write a {300..1500}-word summary of the {month} {2023..2026} sales report for {name}, ' +
        'with {3..7} bullet points and a table comparing {region} and {region}',
    },
    {
      variant: 'itinerary',
      text:
        'create a {2..10}-day itinerary for {city} starting {month} {1..28}, for {2..6} adults, ' +
        'with a daily budget of {100..400} dollars and museum visits on {weekday}',
    },
    {
      variant: 'email',
      text:
        'compose an email to {name} {surname} at {company} confirming the {month} {1..28} ' +
        'delivery of {100..5000} units, order number {10000..99999}, with the {quarter} invoice',
    },
    {
      variant: 'code',
      text:
        'write a {language} function named {fn} that parses ISO 8601 dates, handles {3..9} ' +
        'time zones and includes {5..20} unit tests',
    },
    {
      variant: 'recipe',
      text:
        'convert the {dish} recipe for {2..12} servings into metric units, list the {5..15} ' +
        'ingredients by weight and estimate the cost in {currency} at {city} prices',
    },
    {
      variant: 'agenda',
      text:
        'prepare a {30..90}-minute agenda for the {month} {1..28} {team} offsite with {4..8} ' +
        'sessions, speakers and a {10..20}-minute break at {clock}',
    },
  ],
  slots: {
    ...sharedSlots,
    project: ['Atlas', 'Project Nimbus', 'the Orion migration', 'Helios', 'the Kestrel launch'],
    region: ['EMEA', 'APAC', 'North America', 'LATAM', 'Nordics'],
    company: ['Acme Corp', 'Globex', 'Initech', 'Umbrella Logistics', 'Stark Freight'],
    language: ['TypeScript', 'Python', 'Rust', 'Go', 'Kotlin'],
    fn: ['parseDeadline', 'toUtcDate', 'normalizeTimestamp', 'readSchedule'],
    dish: ['Bolognese', 'Jollof', 'Pho', 'Moussaka', 'Paella'],
    currency: ['EUR', 'USD', 'JPY', 'GBP', 'INR'],
    team: ['Platform', 'Design', 'Sales', 'Research', 'Finance'],
  },
});
