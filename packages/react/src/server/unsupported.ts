// `@thryve-connect/react/server` without the `react-server` condition: a client bundle, plain Node, a
// test runner. The entry is a React Server Component; this says where it works and what to use instead.
throw new Error(
  '@thryve-connect/react/server is for React Server Components (React 19): import it from a Server ' +
    'Component of a framework that sets the "react-server" export condition (the Next.js App Router). ' +
    "In a client component or without RSC, use `import { ThryveConnectionWidget } from '@thryve-connect/react'` " +
    'inside a <ThryveConnectProvider>.',
);

export {};
