export { evaluateContent } from './evaluate-content.js';
export type { LatencyDistribution } from './log-normal.js';
export { createReferencePipeline, type ReferencePipelineOptions } from './reference-pipeline.js';
export {
  type ReferenceRuleId,
  referenceMaxInputChars,
  referenceRuleIds,
  referenceRuleReasons,
} from './rule-ids.js';
