/**
 * Canary rules: maxSurge/maxUnavailable, services, ping-pong, scale-down options and every step.
 * Argo counterpart: ValidateRolloutStrategyCanary, invalidMaxSurgeMaxUnavailable, hasMultipleStepsType.
 * Rule: every violation is reported in Argo's order; traffic-routing parts live in trafficRouting.ts.
 */
import { DEFAULT_MAX_SURGE, DEFAULT_MAX_UNAVAILABLE } from '../defaults';
import { pauseDurationSeconds } from '../duration';
import { intValueOfIntOrString, parseIntOrPercent } from '../intOrPercent';
import { validateAntiAffinity } from './antiAffinity';
import { ARGO_MESSAGES, ISSUE_CODES, invalidSetWeightMessage } from './codes';
import type { Collector, JsonRecord } from './context';
import { arr, child, isSet, num, rec, report, str, strOrEmpty } from './context';
import {
  maxTrafficWeight,
  trafficRoutingOf,
  validateStepRoutes,
  validateTrafficRouting,
} from './trafficRouting';

const BASE = 'spec.strategy.canary';

/** Step kinds Argo checks for "more than one set" (hasMultipleStepsType). */
const EXCLUSIVE_STEP_KINDS = ['setWeight', 'pause', 'experiment', 'analysis'] as const;
/** Step kinds of which at least one must be set. */
const ALL_STEP_KINDS = [
  'experiment',
  'pause',
  'setWeight',
  'analysis',
  'setCanaryScale',
  'setHeaderRoute',
  'setMirrorRoute',
  'plugin',
] as const;

/** Downward-API field paths fieldpath.ExtractFieldPathAsString accepts for object metadata. */
const METADATA_FIELD_PATH =
  /^metadata\.(annotations|labels|name|namespace|uid)$|^metadata\.(annotations|labels)\['[^']*'\]$/;

/** validateCanary runs every canary rule on `spec.strategy.canary`. */
export function validateCanary(c: Collector, canary: JsonRecord): void {
  validateMaxSurgeMaxUnavailable(c, canary);

  const canaryService = strOrEmpty(canary.canaryService);
  const stableService = strOrEmpty(canary.stableService);
  if (canaryService !== '' && stableService !== '' && canaryService === stableService) {
    report(
      c,
      child(BASE, 'stableService'),
      ISSUE_CODES.canaryStableServiceSame,
      ARGO_MESSAGES.duplicatedServicesCanary,
    );
  }

  const tr = trafficRoutingOf(canary);
  validatePingPong(c, canary, tr);
  validateTrafficRouting(c, canary, BASE);

  if (!tr) {
    if (isSet(canary.scaleDownDelaySeconds)) {
      report(
        c,
        child(BASE, 'scaleDownDelaySeconds'),
        ISSUE_CODES.scaleDownDelayWithoutTrafficRouting,
        ARGO_MESSAGES.invalidCanaryScaleDownDelay,
      );
    }
    if (canary.dynamicStableScale === true) {
      report(
        c,
        child(BASE, 'dynamicStableScale'),
        ISSUE_CODES.dynamicStableScaleWithoutTrafficRouting,
        ARGO_MESSAGES.invalidCanaryDynamicStableScale,
      );
    }
  } else if (isSet(canary.scaleDownDelaySeconds) && canary.dynamicStableScale === true) {
    report(
      c,
      child(BASE, 'dynamicStableScale'),
      ISSUE_CODES.dynamicStableScaleWithScaleDownDelay,
      ARGO_MESSAGES.invalidCanaryDynamicStableScaleWithScaleDownDelay,
    );
  }

  const maxWeight = maxTrafficWeight(canary);
  arr(canary.steps).forEach((raw, i) => {
    validateStep(c, canary, rec(raw) ?? {}, child(BASE, 'steps', i), maxWeight);
  });

  validateAntiAffinity(c, canary.antiAffinity, child(BASE, 'antiAffinity'));
}

/** Argo's getIntOrPercentValue: a valid "N%" is N, anything else is IntOrString.IntValue(). */
function intOrPercentValue(v: unknown): number {
  if (typeof v === 'string') {
    const m = /^([0-9]+)%$/.exec(v);
    if (m) return Number.parseInt(m[1] ?? '0', 10);
  }
  return intValueOfIntOrString(v);
}

function validateMaxSurgeMaxUnavailable(c: Collector, canary: JsonRecord): void {
  const maxSurge: unknown = canary.maxSurge ?? DEFAULT_MAX_SURGE;
  const maxUnavailable: unknown = canary.maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE;
  for (const [field, value] of [
    ['maxSurge', canary.maxSurge],
    ['maxUnavailable', canary.maxUnavailable],
  ] as const) {
    if (!isSet(value)) continue;
    const parsed = parseIntOrPercent(value);
    if (parsed.kind === 'error') {
      report(c, child(BASE, field), ISSUE_CODES.intOrPercentInvalid, parsed.message);
    }
  }
  if (intOrPercentValue(maxSurge) === 0 && intOrPercentValue(maxUnavailable) === 0) {
    report(
      c,
      child(BASE, 'maxSurge'),
      ISSUE_CODES.maxSurgeMaxUnavailableZero,
      ARGO_MESSAGES.invalidMaxSurgeMaxUnavailable,
    );
  }
}

function validatePingPong(c: Collector, canary: JsonRecord, tr: JsonRecord | undefined): void {
  const pingPong = rec(canary.pingPong);
  if (!pingPong) return;
  if (tr && !isSet(tr.alb)) {
    report(
      c,
      child(BASE, 'trafficRouting', 'alb'),
      ISSUE_CODES.pingPongAlbOnly,
      ARGO_MESSAGES.pingPongWithAlbOnly,
    );
  }
  const ping = strOrEmpty(pingPong.pingService);
  const pong = strOrEmpty(pingPong.pongService);
  if (ping === '') {
    report(
      c,
      child(BASE, 'pingPong', 'pingService'),
      ISSUE_CODES.pingPongServiceMissing,
      ARGO_MESSAGES.invalidPingPongProvided,
    );
  }
  if (pong === '') {
    report(
      c,
      child(BASE, 'pingPong', 'pongService'),
      ISSUE_CODES.pingPongServiceMissing,
      ARGO_MESSAGES.invalidPingPongProvided,
    );
  }
  if (ping === pong) {
    report(
      c,
      child(BASE, 'pingPong', 'pingService'),
      ISSUE_CODES.pingPongServiceSame,
      ARGO_MESSAGES.duplicatedPingPongServices,
    );
  }
  const alb = tr ? rec(tr.alb) : undefined;
  if (alb && strOrEmpty(alb.rootService) === '') {
    report(
      c,
      child(BASE, 'trafficRouting', 'alb', 'rootService'),
      ISSUE_CODES.albRootServiceMissing,
      ARGO_MESSAGES.missedAlbRootService,
    );
  }
}

function validateStep(
  c: Collector,
  canary: JsonRecord,
  step: JsonRecord,
  stepPath: string,
  maxWeight: number,
): void {
  const tr = trafficRoutingOf(canary);
  if (EXCLUSIVE_STEP_KINDS.filter((k) => isSet(step[k])).length > 1) {
    report(c, stepPath, ISSUE_CODES.stepMultipleTypes, ARGO_MESSAGES.invalidStep);
  }
  if (!ALL_STEP_KINDS.some((k) => isSet(step[k]))) {
    report(c, stepPath, ISSUE_CODES.stepNoType, ARGO_MESSAGES.invalidStep);
  }

  const setWeight = num(step.setWeight);
  if (setWeight !== undefined && (setWeight < 0 || setWeight > maxWeight)) {
    report(
      c,
      child(stepPath, 'setWeight'),
      ISSUE_CODES.setWeightOutOfRange,
      invalidSetWeightMessage(maxWeight),
    );
  }

  const pause = rec(step.pause);
  if (pause && pauseDurationSeconds(pause.duration) < 0) {
    report(
      c,
      child(stepPath, 'pause', 'duration'),
      ISSUE_CODES.pauseDurationInvalid,
      ARGO_MESSAGES.invalidDuration,
    );
  }

  if (isSet(step.setCanaryScale) && !tr) {
    report(
      c,
      child(stepPath, 'setCanaryScale'),
      ISSUE_CODES.setCanaryScaleWithoutTrafficRouting,
      ARGO_MESSAGES.invalidSetCanaryScaleTrafficPolicy,
    );
  }

  validateStepRoutes(c, canary, step, stepPath, BASE);

  const experiment = rec(step.experiment);
  const argLists: { readonly args: readonly unknown[]; readonly path: string }[] = [];
  if (experiment) {
    arr(experiment.templates).forEach((raw, t) => {
      const template = rec(raw) ?? {};
      if (!isSet(template.weight)) return;
      const weightPath = child(stepPath, 'experiment', 'templates', t, 'weight');
      if (!tr) {
        report(
          c,
          weightPath,
          ISSUE_CODES.experimentWeightWithoutTrafficRouting,
          ARGO_MESSAGES.experimentWeightWithoutTrafficRouting,
        );
      } else if (!isSet(tr.alb) && !isSet(tr.smi) && !isSet(tr.istio)) {
        report(
          c,
          weightPath,
          ISSUE_CODES.experimentWeightUnsupportedRouter,
          ARGO_MESSAGES.experimentWeightUnsupportedRouter,
        );
      }
    });
    arr(experiment.analyses).forEach((raw, a) => {
      argLists.push({
        args: arr(rec(raw)?.args),
        path: child(stepPath, 'experiment', 'analyses', a, 'args'),
      });
    });
  }
  const analysis = rec(step.analysis);
  if (analysis)
    argLists.push({ args: arr(analysis.args), path: child(stepPath, 'analysis', 'args') });

  for (const { args, path } of argLists) {
    args.forEach((raw, j) => {
      const fieldPath = str(rec(rec(rec(raw)?.valueFrom)?.fieldRef)?.fieldPath);
      if (fieldPath?.startsWith('metadata') && !METADATA_FIELD_PATH.test(fieldPath)) {
        report(
          c,
          child(path, j, 'valueFrom', 'fieldRef', 'fieldPath'),
          ISSUE_CODES.analysisArgFieldRefInvalid,
          ARGO_MESSAGES.invalidAnalysisArgs,
        );
      }
    });
  }
}
