import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// ROLLOUT_LAB_BASE lets a study group host the static build under a sub-path.
export default defineConfig({
  base: process.env.ROLLOUT_LAB_BASE ?? './',
  plugins: [react()],
});
