/**
 * Helpers every provider shares: reading the loosely typed CRD config, building MeasureSteps,
 * durations and the "synchronous provider" resume/terminate answers. Counterpart:
 * utils/metric (MarkMeasurementError). Rule: no provider logic here, only plumbing.
 */
import { durationFromString } from '../model';
import type { InFlight, MeasureStep, MetricValue } from './provider';

/** A loosely typed record (CRD config as loaded). */
export type Rec = Readonly<Record<string, unknown>>;

/** rec returns `v` when it is a plain object, else an empty record. */
export const rec = (v: unknown): Rec =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {};

/** str returns `v` when it is a string, else ''. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** fail returns an Error measurement step with `message`. */
export const fail = (message: string, metadata?: Readonly<Record<string, string>>): MeasureStep =>
  metadata ? { status: 'error', message, metadata } : { status: 'error', message };

/** done returns a finished measurement step with `value`. */
export const done = (
  value: MetricValue,
  metadata?: Readonly<Record<string, string>>,
): MeasureStep => (metadata ? { status: 'done', value, metadata } : { status: 'done', value });

/**
 * goDurationMs parses a Go duration string (`5m`, `90s`) to ms; empty gives `fallbackMs`;
 * unparsable gives undefined.
 */
export function goDurationMs(text: unknown, fallbackMs: number): number | undefined {
  const s = str(text).trim();
  if (s === '') return fallbackMs;
  const parsed = durationFromString(s);
  return parsed.kind === 'ok' ? parsed.ms : undefined;
}

/** errorMessage returns the text of a thrown value. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * synchronous builds resume/terminate for providers that finish in start (Prometheus, Datadog,
 * ...): Argo logs a warning and returns the measurement unchanged, so we hand the in-flight
 * state back with no delay.
 */
export function synchronousLifecycle(kind: string): {
  resume: (_m: unknown, inFlight: InFlight) => MeasureStep;
  terminate: (_m: unknown, inFlight: InFlight) => MeasureStep;
} {
  const unchanged = (inFlight: InFlight): MeasureStep => ({
    status: 'error',
    message: `${kind} provider should not execute the Resume or Terminate method`,
    metadata: Object.fromEntries(Object.entries(inFlight).map(([k, v]) => [k, String(v)])),
  });
  return { resume: (_m, f) => unchanged(f), terminate: (_m, f) => unchanged(f) };
}

/** isUrl reports whether `s` has a scheme and a host, as Argo's IsUrl (url.Parse) requires. */
export function isUrl(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\s]+/.test(s);
}
