/** Language-neutral formats the panels share: virtual clock times, countdowns, image tags. */

/** formatClock renders virtual ms as `m:ss` (`0:04`, `12:30`). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** formatSeconds renders a countdown in whole seconds, rounded up (`7`). */
export function formatSeconds(ms: number): string {
  return String(Math.ceil(Math.max(0, ms) / 1000));
}

/** shortImage is the tag of an image (`argoproj/rollouts-demo:yellow` → `yellow`). */
export function shortImage(image: string): string {
  const at = image.lastIndexOf(':');
  const slash = image.lastIndexOf('/');
  return at > slash ? image.slice(at + 1) : image.slice(slash + 1);
}
