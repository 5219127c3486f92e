/**
 * A canary step as the controller names it in events ("setWeight: 20", "pause: 10s").
 * Mirrors utils/rollout/rolloututil.go CanaryStepString.
 */
import type { CanaryStepYaml } from '../model';

export function canaryStepString(step: CanaryStepYaml): string {
  if (step.setWeight !== undefined) return `setWeight: ${step.setWeight}`;
  if (step.pause) {
    return step.pause.duration !== undefined ? `pause: ${String(step.pause.duration)}` : 'pause';
  }
  if (step.experiment) return 'experiment';
  if (step.analysis) return 'analysis';
  if (step.setCanaryScale) {
    const s = step.setCanaryScale;
    if (s.weight !== undefined) return `setCanaryScale{weight: ${s.weight}}`;
    if (s.matchTrafficWeight) return 'setCanaryScale{matchTrafficWeight: true}';
    if (s.replicas !== undefined) return `setCanaryScale{replicas: ${s.replicas}}`;
  }
  if (step.setHeaderRoute) return `setHeaderRoute: ${step.setHeaderRoute.name ?? ''}`;
  if (step.setMirrorRoute) return `setMirrorRoute: ${step.setMirrorRoute.name ?? ''}`;
  if (step.plugin) return `plugin: ${step.plugin.name ?? ''}`;
  return 'invalid';
}
