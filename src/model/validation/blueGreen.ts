/**
 * Blue-green rules: active differs from preview, scale-down revision limit, anti-affinity.
 * Argo counterpart: ValidateRolloutStrategyBlueGreen (validation.go); missing activeService is the controller's.
 * Rule: every violation is reported, in Argo's order.
 */
import { validateAntiAffinity } from './antiAffinity';
import { ARGO_MESSAGES, ISSUE_CODES, missingFieldMessage } from './codes';
import type { Collector, JsonRecord } from './context';
import { child, num, report, strOrEmpty } from './context';

const BASE = 'spec.strategy.blueGreen';

/** validateBlueGreen runs every blue-green rule on `spec.strategy.blueGreen`. */
export function validateBlueGreen(
  c: Collector,
  blueGreen: JsonRecord,
  revisionHistoryLimit: number,
): void {
  const active = strOrEmpty(blueGreen.activeService);
  const preview = strOrEmpty(blueGreen.previewService);
  if (active === '') {
    report(
      c,
      child(BASE, 'activeService'),
      ISSUE_CODES.activeServiceMissing,
      missingFieldMessage('.spec.strategy.blueGreen.activeService'),
    );
  }
  if (active === preview) {
    report(
      c,
      child(BASE, 'activeService'),
      ISSUE_CODES.activePreviewServiceSame,
      ARGO_MESSAGES.duplicatedServicesBlueGreen,
    );
  }
  const limit = num(blueGreen.scaleDownDelayRevisionLimit);
  if (limit !== undefined && revisionHistoryLimit < limit) {
    report(
      c,
      child(BASE, 'scaleDownDelayRevisionLimit'),
      ISSUE_CODES.scaleDownDelayRevisionLimit,
      ARGO_MESSAGES.scaleDownLimitLargerThanRevisionLimit,
    );
  }
  validateAntiAffinity(c, blueGreen.antiAffinity, child(BASE, 'antiAffinity'));
}
