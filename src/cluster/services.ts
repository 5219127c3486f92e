/**
 * Services and Endpoints: the endpoints controller (pod IPs behind each selector) and Argo's
 * selector switch. Counterparts: kubernetes `pkg/controller/endpoint/endpoints_controller.go`,
 * argo-rollouts `rollout/service.go`. Rule: synchronous; every write lands in the action log.
 */
import type { Pod, Service } from '../model/k8s';
import type { ClusterClient } from './client';
import { jsonEqual } from './json';
import { isPodReady } from './podStages';
import { isPodActive } from './replicaSetController';
import { isEmptySelector } from './selectors';
import type { ObjectStore } from './store';
import type { EndpointAddress, EndpointPort, Endpoints, WatchEvent } from './types';

/** ROLLOUTS_POD_TEMPLATE_HASH is the selector key Argo injects into Services. */
export const ROLLOUTS_POD_TEMPLATE_HASH = 'rollouts-pod-template-hash';
/** MANAGED_BY_ROLLOUTS is the annotation naming the Rollout that manages a Service's selector. */
export const MANAGED_BY_ROLLOUTS = 'argo-rollouts.argoproj.io/managed-by-rollouts';

/** ipNumber turns a dotted IPv4 address into a number, for sorting addresses numerically. */
function ipNumber(ip: string): number {
  // Digits and dots (every address the fake cluster hands out) without splitting the string.
  let n = 0;
  let part = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      n = n * 256 + part;
      part = 0;
    } else if (c >= 48 && c <= 57) part = part * 10 + (c - 48);
    else return ipNumberSlow(ip);
  }
  return n * 256 + part;
}

function ipNumberSlow(ip: string): number {
  let n = 0;
  for (const part of ip.split('.')) n = n * 256 + (Number(part) || 0);
  return n;
}

/** sortByIp sorts addresses by IP (computing each key once), then by pod name. */
function sortByIp(addresses: EndpointAddress[]): EndpointAddress[] {
  return addresses
    .map((a) => ({ a, k: ipNumber(a.ip) }))
    .sort(
      (x, y) => x.k - y.k || ((x.a.targetRef?.name ?? '') < (y.a.targetRef?.name ?? '') ? -1 : 1),
    )
    .map(({ a }) => a);
}

function addressOf(pod: Pod): EndpointAddress {
  const address: EndpointAddress = {
    ip: pod.status?.podIP ?? '',
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      uid: pod.metadata?.uid ?? '',
    },
  };
  if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
  return address;
}

/** resolvePort maps a Service port to the pod port it targets (named targetPorts via containers). */
function resolvePort(
  port: NonNullable<NonNullable<Service['spec']>['ports']>[number],
  pods: readonly Pod[],
): EndpointPort {
  let target: number = port.port;
  const tp = port.targetPort;
  if (typeof tp === 'number') target = tp;
  else if (typeof tp === 'string' && tp !== '') {
    const numeric = Number(tp);
    if (Number.isInteger(numeric)) target = numeric;
    else {
      for (const pod of pods) {
        const found = (pod.spec?.containers ?? [])
          .flatMap((c) => c.ports ?? [])
          .find((p) => p.name === tp);
        if (found !== undefined) {
          target = found.containerPort;
          break;
        }
      }
    }
  }
  const out: EndpointPort = { port: target, protocol: port.protocol ?? 'TCP' };
  if (port.name !== undefined) out.name = port.name;
  return out;
}

/**
 * endpointsForService returns the Endpoints the endpoints controller writes for `svc` given the
 * pods of its namespace: active pods with an IP that match the selector; ready ones under
 * `addresses`, others under `notReadyAddresses` (all under `addresses` with
 * `publishNotReadyAddresses`), each sorted by IP. No matching pod ⇒ no subsets.
 */
export function endpointsForService(svc: Service, pods: readonly Pod[]): Endpoints {
  const selector = svc.spec?.selector ?? {};
  const members = pods.filter(
    (p) =>
      isPodActive(p) &&
      p.status?.podIP !== undefined &&
      Object.entries(selector).every(([k, v]) => p.metadata?.labels?.[k] === v),
  );
  const publishAll = svc.spec?.publishNotReadyAddresses === true;
  const ready = sortByIp(members.filter((p) => publishAll || isPodReady(p)).map(addressOf));
  const notReady = sortByIp(members.filter((p) => !publishAll && !isPodReady(p)).map(addressOf));
  const endpoints: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: svc.metadata?.name ?? '',
      namespace: svc.metadata?.namespace ?? '',
      ...(svc.metadata?.labels === undefined ? {} : { labels: { ...svc.metadata.labels } }),
    },
  };
  if (ready.length > 0 || notReady.length > 0) {
    const subset: NonNullable<Endpoints['subsets']>[number] = {};
    if (ready.length > 0) subset.addresses = ready;
    if (notReady.length > 0) subset.notReadyAddresses = notReady;
    const ports = (svc.spec?.ports ?? []).map((p) => resolvePort(p, members));
    if (ports.length > 0) subset.ports = ports;
    endpoints.subsets = [subset];
  }
  return endpoints;
}

/** reuseAddresses replaces each address of `list` with the stored one of its pod when equal. */
function reuseAddresses(
  list: EndpointAddress[] | undefined,
  byName: ReadonlyMap<string, EndpointAddress>,
): void {
  if (list === undefined) return;
  for (let i = 0; i < list.length; i++) {
    const old = byName.get(list[i].targetRef?.name ?? '');
    if (old !== undefined && jsonEqual(old, list[i])) list[i] = old;
  }
}

/**
 * reuseStored puts the stored (frozen) address and port objects of `have` into `want` wherever
 * they are equal: a pod that only moved between `notReadyAddresses` and `addresses` keeps its
 * stored address, so the write shares it instead of copying, and comparisons stop at once.
 */
function reuseStored(want: Endpoints, have: Endpoints): Endpoints {
  const subset = want.subsets?.[0];
  const stored = have.subsets?.[0];
  if (subset === undefined || stored === undefined) return want;
  const byName = new Map<string, EndpointAddress>();
  for (const a of stored.addresses ?? []) byName.set(a.targetRef?.name ?? '', a);
  for (const a of stored.notReadyAddresses ?? []) byName.set(a.targetRef?.name ?? '', a);
  reuseAddresses(subset.addresses, byName);
  reuseAddresses(subset.notReadyAddresses, byName);
  if (subset.ports !== undefined && jsonEqual(subset.ports, stored.ports))
    subset.ports = stored.ports;
  return want;
}

/** EndpointsController is the running endpoints controller. */
export interface EndpointsController {
  /** sync recomputes one Service's Endpoints now. */
  sync(namespace: string, name: string): void;
  /** dispose stops watching. */
  dispose(): void;
}

/** createEndpointsController starts the endpoints controller on `store`. */
export function createEndpointsController(store: ObjectStore): EndpointsController {
  const queue = new Set<string>();
  let syncing = false;

  /**
   * What each Service's last sync saw: its (frozen) Service, pods and Endpoints. When the Service
   * and Endpoints are those very objects and the pods that changed give the same entries (see
   * sameAddress), the wanted Endpoints are the ones the Endpoints already match, and the sync
   * would write nothing.
   */
  const lastSync = new Map<string, { svc: Service; pods: readonly Pod[]; have: unknown }>();

  function isMember(pod: Pod, selector: readonly (readonly [string, string])[]): boolean {
    return (
      isPodActive(pod) &&
      pod.status?.podIP !== undefined &&
      selector.every(([k, v]) => pod.metadata?.labels?.[k] === v)
    );
  }

  /**
   * sameAddress: two versions of a pod (or two pods at one place in the list) give the Endpoints
   * the same entry: both outside the Service, or both in it with the same readiness, IP, identity
   * and spec (node name and named ports come from the spec, which a pod never changes).
   */
  function sameAddress(a: Pod, b: Pod, selector: readonly (readonly [string, string])[]): boolean {
    const inA = isMember(a, selector);
    if (inA !== isMember(b, selector)) return false;
    if (!inA) return true;
    return (
      a.spec === b.spec &&
      a.status?.podIP === b.status?.podIP &&
      a.metadata?.uid === b.metadata?.uid &&
      a.metadata?.name === b.metadata?.name &&
      a.metadata?.namespace === b.metadata?.namespace &&
      isPodReady(a) === isPodReady(b)
    );
  }

  /**
   * sameMembers: the Endpoints of `svc` are the same for both pod lists (each in store order, by
   * name). Lists are walked side by side by name: a pod in one list only must be outside the
   * Service (a pod just created has no IP yet; a terminating one is not active), and a pod in
   * both must give the same entry.
   */
  function sameMembers(svc: Service, before: readonly Pod[], after: readonly Pod[]): boolean {
    let selector: [string, string][] | undefined;
    let i = 0;
    let j = 0;
    while (i < before.length || j < after.length) {
      const a = before[i];
      const b = after[j];
      if (a === b) {
        i++;
        j++;
        continue;
      }
      selector ??= Object.entries(svc.spec?.selector ?? {});
      const an = a === undefined ? undefined : (a.metadata?.name ?? '');
      const bn = b === undefined ? undefined : (b.metadata?.name ?? '');
      if (an !== undefined && (bn === undefined || an < bn)) {
        if (isMember(a, selector)) return false;
        i++;
      } else if (bn !== undefined && (an === undefined || bn < an)) {
        if (isMember(b, selector)) return false;
        j++;
      } else {
        if (!sameAddress(a, b, selector)) return false;
        i++;
        j++;
      }
    }
    return true;
  }

  function syncOne(namespace: string, name: string): void {
    const svc = store.peek('Service', namespace, name);
    // Services without a selector keep hand-written Endpoints, as in Kubernetes.
    if (svc === undefined || isEmptySelector(svc.spec?.selector)) return;
    const pods = store.peekList('Pod', { namespace });
    const key = `${namespace}/${name}`;
    const last = lastSync.get(key);
    const have = store.peek('Endpoints', namespace, name);
    if (
      last !== undefined &&
      have !== undefined &&
      last.svc === svc &&
      last.have === have &&
      sameMembers(svc, last.pods, pods)
    ) {
      last.pods = pods;
      return;
    }
    const want =
      have === undefined
        ? endpointsForService(svc, pods)
        : reuseStored(endpointsForService(svc, pods), have);
    if (have === undefined) {
      store.createShared(want);
    } else if (
      !jsonEqual(have.subsets, want.subsets) ||
      !jsonEqual(have.metadata?.labels, want.metadata?.labels)
    ) {
      store.updateShared({
        ...have,
        metadata: { ...have.metadata, labels: want.metadata?.labels },
        subsets: want.subsets,
      });
    }
    lastSync.set(key, { svc, pods, have: store.peek('Endpoints', namespace, name) });
  }

  function sync(namespace: string, name: string): void {
    queue.add(`${namespace}/${name}`);
    if (syncing) return;
    syncing = true;
    try {
      while (queue.size > 0) {
        const key: string = queue.values().next().value!;
        queue.delete(key);
        const slash = key.indexOf('/');
        syncOne(key.slice(0, slash), key.slice(slash + 1));
      }
    } finally {
      syncing = false;
    }
  }

  const unwatchServices = store.watch('Service', (event: WatchEvent) => {
    const namespace = event.object.metadata?.namespace ?? '';
    const name = event.object.metadata?.name ?? '';
    if (event.type === 'DELETED') {
      store.delete('Endpoints', namespace, name);
      return;
    }
    sync(namespace, name);
  });
  const unwatchPods = store.watch('Pod', (event: WatchEvent) => {
    const namespace = event.object.metadata?.namespace ?? '';
    for (const svc of store.peekList('Service', { namespace })) {
      sync(namespace, svc.metadata?.name ?? '');
    }
  });

  return {
    sync,
    dispose() {
      unwatchServices();
      unwatchPods();
    },
  };
}

/**
 * setServiceSelectorHash points a Service at one pod-template hash, as Argo's
 * `switchServiceSelector` does: a merge patch setting `spec.selector[rollouts-pod-template-hash]`
 * and, when `rolloutName` is given, the `argo-rollouts.argoproj.io/managed-by-rollouts`
 * annotation. The patch is recorded in the action log (nothing is written when nothing changes).
 *
 * @throws ClusterError `NotFound` when the Service does not exist.
 */
export function setServiceSelectorHash(
  client: Pick<ClusterClient, 'patch'>,
  namespace: string,
  serviceName: string,
  hash: string,
  rolloutName?: string,
): Service {
  const patch: Record<string, unknown> = {
    spec: { selector: { [ROLLOUTS_POD_TEMPLATE_HASH]: hash } },
  };
  if (rolloutName !== undefined) {
    patch.metadata = { annotations: { [MANAGED_BY_ROLLOUTS]: rolloutName } };
  }
  return client.patch('Service', namespace, serviceName, patch);
}

/**
 * removeServiceSelectorHash undoes {@link setServiceSelectorHash} (Argo does this when a Rollout
 * stops managing a Service): removes the hash selector key and the managed-by annotation.
 */
export function removeServiceSelectorHash(
  client: Pick<ClusterClient, 'patch'>,
  namespace: string,
  serviceName: string,
): Service {
  return client.patch('Service', namespace, serviceName, {
    metadata: { annotations: { [MANAGED_BY_ROLLOUTS]: null } },
    spec: { selector: { [ROLLOUTS_POD_TEMPLATE_HASH]: null } },
  });
}
