/**
 * Icons, role tags and metadata helpers shared by the info builders.
 * Mirrors argo-rollouts pkg/kubectl-argo-rollouts/info/info.go (icons, tags, ownerRef, annotations).
 * Pure: Kubernetes-shaped objects in, plain values out.
 */
import type { ObjectMeta } from '../model/k8s';
import type { InfoObjectMeta } from './types';

/** Status icons, exactly the plugin's glyphs. */
export const ICON = {
  waiting: '◷',
  progressing: '◌',
  warning: '⚠',
  unknown: '?',
  ok: '✔',
  bad: '✖',
  paused: '॥',
  neutral: '•',
} as const;

/** Role tags shown in INFO columns and image lists. */
export const INFO_TAG = {
  canary: 'canary',
  stable: 'stable',
  active: 'active',
  preview: 'preview',
  ping: 'ping',
  pong: 'pong',
} as const;

/** Annotation and label keys the controller writes (Argo's `annotations` and `v1alpha1` constants). */
export const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';
export const REVISION_DESCRIPTION_ANNOTATION = 'rollouts.argoproj.io/revision-description';
export const TEMPLATE_NAME_ANNOTATION = 'experiment.argoproj.io/template-name';
export const SCALE_DOWN_DEADLINE_ANNOTATION = 'scale-down-deadline';
export const POD_TEMPLATE_HASH_LABEL = 'rollouts-pod-template-hash';

/** Identifies an owner: its uid when it has one, else its kind and name. */
export interface OwnerKey {
  readonly kind: string;
  readonly name: string;
  readonly uid?: string;
}

/** `ownerKeyOf` builds the key the owner's children point back to. */
export function ownerKeyOf(kind: string, metadata: ObjectMeta | undefined): OwnerKey {
  return { kind, name: metadata?.name ?? '', uid: metadata?.uid };
}

/**
 * `isOwnedBy` reports whether some owner reference points at `owner`. Argo matches by uid only;
 * objects written by hand often carry no uid, so when the owner has none we fall back to kind and
 * name (a uid-less owner would otherwise claim every uid-less reference).
 */
export function isOwnedBy(metadata: ObjectMeta | undefined, owner: OwnerKey): boolean {
  return (metadata?.ownerReferences ?? []).some((ref) =>
    owner.uid ? ref.uid === owner.uid : ref.kind === owner.kind && ref.name === owner.name,
  );
}

/** `revisionOf` reads the revision annotation as Go's `strconv.Atoi` would, 0 when unreadable. */
export function revisionOf(metadata: ObjectMeta | undefined): number {
  const text = metadata?.annotations?.[REVISION_ANNOTATION];
  return text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : 0;
}

/** `infoMetaOf` keeps the identifying part of an object's metadata. */
export function infoMetaOf(metadata: ObjectMeta | undefined): InfoObjectMeta {
  return {
    name: metadata?.name ?? '',
    namespace: metadata?.namespace,
    uid: metadata?.uid,
    creationTimestamp: metadata?.creationTimestamp,
    resourceVersion: metadata?.resourceVersion,
  };
}
