/**
 * Generates src/ui/statechart/rolloutLayout.json: the elk layout of the (static) rollout machine,
 * one per page language (the root box's label differs), so the page draws the statechart without
 * shipping elkjs (447 KB gzip). Run: `npx tsx scripts/genStatechartLayout.ts`. A test recomputes
 * the layouts and fails when the machine changed and this file was not regenerated.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolloutMachine } from '../src/controller/rolloutMachine';
import { describeMachine, type MachineDescription } from '../src/store/machineDescription';
import { layoutMachine, type StatechartLayout } from '../src/ui/statechart/layout';
import { en } from '../src/ui/i18n/en';
import { ko } from '../src/ui/i18n/ko';

/** The rollout machine as the store describes it (toJSON plus config for `always`). */
export function rolloutDescription(): MachineDescription {
  const plain = <T>(v: unknown): T => JSON.parse(JSON.stringify(v)) as T;
  return describeMachine(plain(rolloutMachine.toJSON()), plain(rolloutMachine.config));
}

/** statechartLayouts lays the rollout machine out for every language. */
export async function statechartLayouts(): Promise<Record<'en' | 'ko', StatechartLayout>> {
  const description = rolloutDescription();
  return {
    en: await layoutMachine(description, en['statechart.anyState']),
    ko: await layoutMachine(description, ko['statechart.anyState']),
  };
}

export const LAYOUT_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../src/ui/statechart/rolloutLayout.json',
);

/** layoutJson is the file's exact text. */
export function layoutJson(layouts: Record<'en' | 'ko', StatechartLayout>): string {
  return `${JSON.stringify(layouts, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(LAYOUT_FILE, layoutJson(await statechartLayouts()));
  console.log(`wrote ${LAYOUT_FILE}`);
}
