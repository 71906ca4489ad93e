import type { Decorator, Preview } from '@storybook/react-vite';
import '../packages/react/src/styles.css';
import { OFFLINE } from '../stories/support/sandbox.js';

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
      {OFFLINE && (
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
          Offline demo: these stories use an in-browser stand-in for Thryve. Run <code>pnpm start</code> for
          the local sandbox.
        </p>
      )}
      <Story />
    </div>
  );
};

const preview: Preview = {
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
