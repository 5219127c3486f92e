/**
 * Anti-affinity rule shared by both strategies: exactly one of the two modes, weight 1..100.
 * Argo counterpart: ValidateRolloutStrategyAntiAffinity in pkg/apis/rollouts/validation/validation.go.
 * Rule: a leaf module; the strategy rule groups import it, it imports no rule group.
 */
import { ARGO_MESSAGES, ISSUE_CODES } from './codes';
import type { Collector } from './context';
import { child, num, rec, report } from './context';

/** validateAntiAffinity: exactly one of preferred/required, preferred weight 1..100. */
export function validateAntiAffinity(c: Collector, antiAffinity: unknown, path: string): void {
  const aa = rec(antiAffinity);
  if (!aa) return;
  const preferred = rec(aa.preferredDuringSchedulingIgnoredDuringExecution);
  const required = rec(aa.requiredDuringSchedulingIgnoredDuringExecution);
  if ((!preferred && !required) || (preferred && required)) {
    report(c, path, ISSUE_CODES.antiAffinityExactlyOne, ARGO_MESSAGES.invalidAntiAffinityStrategy);
  }
  if (preferred) {
    const weight = num(preferred.weight) ?? 0;
    if (weight < 1 || weight > 100) {
      report(
        c,
        child(path, 'preferredDuringSchedulingIgnoredDuringExecution', 'weight'),
        ISSUE_CODES.antiAffinityWeight,
        ARGO_MESSAGES.invalidAntiAffinityWeight,
      );
    }
  }
}
