/**
 * `rollout-lab get <resource>`: dispatches to the resource printers, as the kubectl plugin's
 * `get` does. Only `rollout` (aliases `ro`, `rollouts`) exists.
 */
import type { Command } from './io';
import { getRolloutCommand } from './getRollout';

export const getCommand: Command = (argv, io) => {
  const [resource] = argv;
  if (resource === 'rollout' || resource === 'rollouts' || resource === 'ro') {
    return getRolloutCommand(argv, io);
  }
  io.stderr(
    `rollout-lab get: unknown resource "${resource ?? ''}"\nUsage: rollout-lab get rollout NAME -f PATH [--no-color] [--now RFC3339]\n`,
  );
  return 2;
};
