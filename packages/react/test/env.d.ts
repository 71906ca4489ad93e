/// <reference types="vite/client" />

// The browser tests' global setup (test/support/globalSetup.ts) provides the sandbox's origin.
declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string;
  }
}

export {};
