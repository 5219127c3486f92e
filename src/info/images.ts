/**
 * Image lists with role tags, merged the way the plugin's header shows them.
 * Mirrors `mergeImageAndTags` / `mergeTags` of argo-rollouts pkg/kubectl-argo-rollouts/info/
 * rollout_info.go. Pure.
 */
import type { ImageInfo } from './types';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `mergeImageAndTags` adds `image` to `images`, or merges its tags into the entry for the same
 * image, and returns the list sorted by image. Tags of a new entry keep their given order
 * (`stable, active`); only merged tag lists are de-duplicated and sorted, as in Argo.
 */
export function mergeImageAndTags(image: ImageInfo, images: readonly ImageInfo[]): ImageInfo[] {
  const index = images.findIndex((i) => i.image === image.image);
  const next = [...images];
  if (index === -1) {
    next.push(image);
  } else {
    const existing = next[index];
    const tags = [...new Set([...image.tags, ...existing.tags])].sort(compareStrings);
    next[index] = { image: existing.image, tags };
  }
  return next.sort((a, b) => compareStrings(a.image, b.image));
}
