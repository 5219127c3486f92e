/**
 * Ingress helpers shared by the NGINX and ALB routers, for both networking.k8s.io/v1
 * (`backend.service.name`) and the legacy extensions/v1beta1 (`backend.serviceName`) shapes.
 * Argo counterpart: utils/ingress/ingress.go and wrapper.go. Rule: pure functions over JSON.
 */
import { isRecord, recordsOf } from './common';
import type { RouterObject } from './common';

/** CANARY_INGRESS_SUFFIX is Argo's CanaryIngressSuffix. */
export const CANARY_INGRESS_SUFFIX = '-canary';

/** canaryIngressName mirrors ingressutil.GetCanaryIngressName (names are capped at 253 chars). */
export function canaryIngressName(rolloutName: string, stableIngressName: string): string {
  const prefix = `${rolloutName}-${stableIngressName}`.slice(0, 253 - CANARY_INGRESS_SUFFIX.length);
  return `${prefix}${CANARY_INGRESS_SUFFIX}`;
}

/** isLegacyIngress reports whether an Ingress uses the extensions/v1beta1 backend shape. */
export function isLegacyIngress(ingress: RouterObject): boolean {
  return ingress.apiVersion === 'extensions/v1beta1';
}

/** ingressRules returns spec.rules (plain objects only). */
export function ingressRules(ingress: RouterObject): Record<string, unknown>[] {
  return isRecord(ingress.spec) ? recordsOf(ingress.spec.rules) : [];
}

/** rulePaths returns rule.http.paths (plain objects only). */
export function rulePaths(rule: Record<string, unknown>): Record<string, unknown>[] {
  return isRecord(rule.http) ? recordsOf(rule.http.paths) : [];
}

/** backendServiceName returns the service a path's backend points at ('' when none). */
export function backendServiceName(path: Record<string, unknown>): string {
  const backend = isRecord(path.backend) ? path.backend : {};
  if (isRecord(backend.service) && typeof backend.service.name === 'string') {
    return backend.service.name;
  }
  return typeof backend.serviceName === 'string' ? backend.serviceName : '';
}

/** setBackendServiceName points a path's backend at `name`, keeping its port. */
export function setBackendServiceName(path: Record<string, unknown>, name: string): void {
  const backend = isRecord(path.backend) ? path.backend : {};
  if (isRecord(backend.service)) backend.service.name = name;
  else backend.serviceName = name;
  path.backend = backend;
}

/** hasRuleWithService mirrors ingressutil.HasRuleWithService. */
export function hasRuleWithService(ingress: RouterObject, service: string): boolean {
  return ingressRules(ingress).some((rule) =>
    rulePaths(rule).some((p) => backendServiceName(p) === service),
  );
}
