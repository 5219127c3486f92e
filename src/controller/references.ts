/**
 * The not-found half of Argo's referenced-resource validation (rollout/controller.go
 * getRolloutReferencedResources, IstioController.GetReferencedVirtualServices): every Service,
 * AnalysisTemplate, Ingress and VirtualService a Rollout names must exist, or the reconcile stops
 * with InvalidSpec (and is retried 20 s later: the object may simply not be applied yet).
 * Rule: reads only through the client port; the first missing object wins, in Argo's order
 * (Services, analysis templates, Ingresses, VirtualServices).
 */
import type { Rollout } from '../model';
import type { ControllerPorts } from './ports';

/** invalidValue formats a field.Invalid error as apimachinery's Error() does. */
function invalidValue(path: string, value: string, detail: string): string {
  return `${path}: Invalid value: ${JSON.stringify(value)}: ${detail}`;
}

type TemplateRef = { templateName?: string; clusterScope?: boolean };

/** exists reports whether the object is in the cluster (a module-level helper: it runs per reconcile). */
function exists(ports: ControllerPorts, kind: string, name: string, namespace: string): boolean {
  return ports.client.get(kind, namespace, name) !== undefined;
}

/**
 * missingReference returns the field error for the first object the rollout references that does
 * not exist, or undefined when they all do.
 */
export function missingReference(ports: ControllerPorts, rollout: Rollout): string | undefined {
  const ns = rollout.metadata?.namespace ?? 'default';
  const strategy = rollout.spec?.strategy;

  // Services (getReferencedServices): the listers' NotFound reads `service "<name>" not found`.
  const services: [string, string | undefined][] = strategy?.blueGreen
    ? [
        ['spec.strategy.blueGreen.activeService', strategy.blueGreen.activeService],
        ['spec.strategy.blueGreen.previewService', strategy.blueGreen.previewService],
      ]
    : [
        ['spec.strategy.canary.stableService', strategy?.canary?.stableService],
        ['spec.strategy.canary.canaryService', strategy?.canary?.canaryService],
      ];
  for (const [path, name] of services) {
    if (name && !exists(ports, 'Service', name, ns))
      return invalidValue(path, name, `service "${name}" not found`);
  }

  // Analysis templates (getReferencedRolloutAnalyses), in the order Argo walks them.
  const analyses: [string, readonly TemplateRef[] | undefined][] = [];
  if (strategy?.blueGreen) {
    const bg = strategy.blueGreen;
    if (bg.prePromotionAnalysis)
      analyses.push([
        'spec.strategy.blueGreen.prePromotionAnalysis.templates',
        bg.prePromotionAnalysis.templates,
      ]);
    if (bg.postPromotionAnalysis)
      analyses.push([
        'spec.strategy.blueGreen.postPromotionAnalysis.templates',
        bg.postPromotionAnalysis.templates,
      ]);
  } else if (strategy?.canary) {
    const steps = strategy.canary.steps ?? [];
    for (let i = 0; i < steps.length; i++) {
      const analysis = steps[i].analysis;
      if (analysis)
        analyses.push([`spec.strategy.canary.steps[${i}].analysis.templates`, analysis.templates]);
    }
    if (strategy.canary.analysis)
      analyses.push([
        'spec.strategy.canary.analysis.templates',
        strategy.canary.analysis.templates,
      ]);
  }
  for (const [path, templates] of analyses) {
    for (const ref of templates ?? []) {
      const name = ref.templateName ?? '';
      const kind = ref.clusterScope ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate';
      if (!exists(ports, kind, name, ref.clusterScope ? '' : ns))
        return invalidValue(path, name, `${kind} '${name}' not found`);
    }
  }

  // Ingresses (getReferencedIngresses): ALB, else NGINX's stable Ingress.
  const routing = strategy?.canary?.trafficRouting;
  const ingress: [string, string | undefined] | undefined = routing?.alb
    ? ['spec.strategy.canary.trafficRouting.alb.ingress', routing.alb.ingress]
    : routing?.nginx
      ? ['spec.strategy.canary.trafficRouting.nginx.stableIngress', routing.nginx.stableIngress]
      : undefined;
  if (ingress?.[1] && !exists(ports, 'Ingress', ingress[1], ns))
    return invalidValue(
      ingress[0],
      ingress[1],
      `ingress.networking.k8s.io "${ingress[1]}" not found`,
    );

  // VirtualServices (GetReferencedVirtualServices): `name` or `name.namespace`.
  const istio = routing?.istio;
  if (istio) {
    const multiple = (istio.virtualServices?.length ?? 0) > 0;
    const path = multiple
      ? 'spec.strategy.canary.trafficRouting.istio.virtualServices.name'
      : 'spec.strategy.canary.trafficRouting.istio.virtualService.name';
    const refs = multiple
      ? (istio.virtualServices ?? [])
      : istio.virtualService
        ? [istio.virtualService]
        : [];
    for (const ref of refs) {
      const [name, namespace] = (ref.name ?? '').split('.');
      if (!exists(ports, 'VirtualService', name, namespace || ns))
        return invalidValue(path, name, `virtualservices.networking.istio.io "${name}" not found`);
    }
  }
  return undefined;
}
