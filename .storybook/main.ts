import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: [],
  framework: { name: '@storybook/react-vite', options: {} },
  // No telemetry and no update checks: this project runs where only the npm registry is reachable.
  core: { disableTelemetry: true },
};
export default config;
