export { checkSoulHealth, type SoulHealthOptions } from './http/check-soul-health.js';
export { classifyError, sanitizeErrorMessage } from './http/classify-error.js';
export {
  type ContractResponse,
  contractResponseSchema,
  readContractResponse,
} from './http/contract-response.js';
export {
  createHttpSoulTarget,
  type HttpSoulTarget,
  type HttpSoulTargetOptions,
} from './http/http-target.js';
export {
  type JsonValue,
  parseResponseMapping,
  type ResponseMapping,
  responseMappingSchema,
} from './http/response-mapping.js';
export { SoulRequestError } from './http/soul-request-error.js';
export {
  createReferencePipeline,
  evaluateContent,
  type LatencyDistribution,
  type ReferencePipelineOptions,
  type ReferenceRuleId,
  referenceMaxInputChars,
  referenceRuleIds,
  referenceRuleReasons,
} from './reference/index.js';
export {
  type ReferenceSoulServer,
  type ReferenceSoulServerOptions,
  startReferenceSoulServer,
} from './server/reference-soul-server.js';
export {
  type ControlServer,
  type ControlServerOptions,
  startControlServer,
} from './switch/control-server.js';
export {
  createSwitchableTarget,
  type SoulSwitch,
  type SwitchableTarget,
  type SwitchableTargetOptions,
} from './switch/switchable-target.js';
