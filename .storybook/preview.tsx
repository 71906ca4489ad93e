import type { Decorator, Preview } from '@storybook/react-vite';
import '../packages/react/src/styles.css';
import { IN_BROWSER_SANDBOX } from '../stories/support/sandbox.js';

// Stories can ask for the dark theme (`globals: { theme: 'dark' }`); the toolbar switches it too.
const withTheme: Decorator = (Story, context) => {
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  return (
    <div
      data-theme={theme}
      className={theme === 'dark' ? 'thryve-connect-dark' : undefined}
      style={{
        padding: 16,
        // A host app's own font: the components inherit it (`--thryve-font: inherit`).
        fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        background: theme === 'dark' ? '#0f1115' : '#ffffff',
        color: theme === 'dark' ? '#f3f4f6' : '#111827',
        colorScheme: theme,
      }}
    >
      {IN_BROWSER_SANDBOX && (
        <p
          role="note"
          style={{
            margin: '0 0 12px',
            padding: '6px 10px',
            background: '#fff4d6',
            color: '#3d2e00',
            borderRadius: 6,
          }}
        >
          Offline demo: Thryve's sandbox runs in your browser here (MSW and a service worker, no server). Run{' '}
          <code>pnpm start</code> for the sandbox on its own origin.
        </p>
      )}
      <Story />
    </div>
  );
};

const preview: Preview = {
  // The static build has no sandbox process: start the in-browser one before any story or loader runs.
  ...(IN_BROWSER_SANDBOX
    ? {
        beforeAll: async () => {
          const { startBrowserSandbox } = await import('../stories/support/browserSandbox.js');
          await startBrowserSandbox();
        },
      }
    : {}),
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    // An axe violation fails the story's test, not just a panel warning.
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i } },
  },
  tags: ['autodocs'],
};

export default preview;
