import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Storybook's own Vite config: the root vite.config.ts holds the test projects, which Storybook
// does not need. The proxy and aliases are added in main.ts (viteFinal).
export default defineConfig({ plugins: [react()] });
