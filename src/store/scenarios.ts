/**
 * The scenario library: every `simulations/*.yaml`, bundled as raw text by Vite so the sandbox
 * needs no server. No Argo counterpart. Rule: text only here; parsing happens in createSimStore.
 */

const RAW = import.meta.glob<string>('../../simulations/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** ScenarioSource is one bundled scenario file. */
export interface ScenarioSource {
  /** The file name without folder or extension (`blue-to-yellow`). */
  readonly name: string;
  /** The path as the CLI names it (`simulations/blue-to-yellow.yaml`), used in issue locations. */
  readonly file: string;
  readonly text: string;
  /** The `title:` line, read without parsing (the picker shows it before anything loads). */
  readonly title: string;
}

function titleOf(text: string, fallback: string): string {
  const m = /^title:\s*(.+)$/m.exec(text);
  if (!m) return fallback;
  return m[1].trim().replace(/^(["'])(.*)\1$/, '$2');
}

/** SCENARIOS lists the bundled scenarios, sorted by name. */
export const SCENARIOS: readonly ScenarioSource[] = Object.entries(RAW)
  .map(([path, text]) => {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const name = base.replace(/\.yaml$/, '');
    return { name, file: `simulations/${base}`, text, title: titleOf(text, name) };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

/** DEFAULT_SCENARIO is what the sandbox opens with. */
export const DEFAULT_SCENARIO = 'blue-to-yellow';

/** findScenario returns the bundled scenario called `name`, if any. */
export function findScenario(name: string): ScenarioSource | undefined {
  return SCENARIOS.find((s) => s.name === name);
}

/** readBundledFile resolves a `manifestFiles` / `applyFile` path against the bundled files. */
export function readBundledFile(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return SCENARIOS.find((s) => s.file === path || s.file.endsWith(`/${base}`))?.text;
}
