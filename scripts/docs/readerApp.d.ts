// What the docs' examples leave to the reader's own app, declared once for the docs check
// (scripts/check-docs.mjs). Only names that are obviously the reader's: never one of ours, and never a
// name an example should define itself (`client`, `handler`, `fetcher`), so a block that forgets to
// define those still fails.

/** The reader's sign-in: who is making this request (null when nobody is signed in). */
declare function getSignedInUser(request: Request): Promise<{ thryveAlias: string } | null>;

/** The reader's session lookup by cookie (the Next.js guide). */
declare function getSession(cookie: string | undefined): Promise<{ thryveAlias: string } | null>;

/** The reader's sign-in on the client: the signed-in user (null when nobody is signed in). */
declare function useCurrentUser(): { id: string } | null;

/** The reader's notification. */
declare function toast(message: string): void;

/** The reader's loading indicator. */
declare function Spinner(): import('react').JSX.Element;

// Next.js is not installed in this workspace (the Next consumer and guide tests install it on their
// own); these are the functions of it the guide uses, as Next 16 types them.
declare module 'next/headers' {
  export function cookies(): Promise<{ get(name: string): { name: string; value: string } | undefined }>;
}
declare module 'next/server' {
  export function connection(): Promise<void>;
}

// What the reader's bundler declares for stylesheet imports (Vite's `vite/client`, Next's types). The
// checker resolves each stylesheet import through the packages' `exports` itself.
declare module '*.css';
