/** toYaml: an object as YAML text for the read-only viewer. Pure. */
import { stringify } from 'yaml';

/** toYaml renders an object the way `kubectl get -o yaml` reads (no line folding, no anchors). */
export function toYaml(object: unknown): string {
  return stringify(object, { lineWidth: 0, aliasDuplicateObjects: false });
}
