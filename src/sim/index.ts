/**
 * Public surface of src/sim: the deterministic, domain-agnostic engine (clock, rng, hashes, ids,
 * traces) every simulated world is built on. Counterpart: none in Argo; this replaces wall time.
 * Rule: a leaf. It imports nothing from the project and nothing external; explicit exports only.
 */
export { createVirtualClock } from './virtualClock';
export type {
  Clock,
  RunUntilIdleOptions,
  TimerId,
  VirtualClock,
  VirtualClockOptions,
} from './virtualClock';
export { createRng, K8S_ALPHANUMS } from './rng';
export type { Rng, RngSnapshot, RngState, RngStreams } from './rng';
export { fnv32a, podTemplateHash, safeEncodeString, stableStringify } from './hash';
export { createIdGenerator } from './ids';
export type { IdGenerator } from './ids';
export { createTraceRecorder, roundFloats, stripInternals } from './trace';
export type { DeepReadonly, TraceFrame, TraceRecorder } from './trace';
export { DEFAULT_EPOCH_MS, epochMsFromRfc3339, rfc3339FromEpochMs } from './rfc3339';
export { minutes, ms, seconds } from './units';
export type { VirtualMs } from './units';
