// A Server Component page: the widget is imported straight from the package; its "use client"
// boundary is what lets this work.
import { ThryveConnectionWidget } from '@thryve-connect/react';
import { Providers } from './Providers';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <Providers>
      <h1>Connect your devices</h1>
      <ThryveConnectionWidget />
    </Providers>
  );
}
