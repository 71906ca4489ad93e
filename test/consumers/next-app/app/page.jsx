// A Server Component page: the widget is imported straight from the package; its "use client"
// boundary is what lets this work.
import { ThryveConnectionWidget } from '@thryve-connect/react';
import { demoUser } from './demoUser';
import { Providers } from './Providers';

export const dynamic = 'force-dynamic';

export default async function Page() {
  return (
    <Providers userKey={await demoUser()}>
      <h1>Connect your devices</h1>
      <ThryveConnectionWidget />
    </Providers>
  );
}
