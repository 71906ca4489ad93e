import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The app's own unit tests, as a team adopting thryve-connect writes them: jsdom, Testing Library, MSW.
export default defineConfig({
  plugins: [react()],
  test: { environment: 'jsdom', include: ['test/**/*.test.jsx'] },
});
