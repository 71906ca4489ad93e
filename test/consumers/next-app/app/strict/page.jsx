// The devices screen as a security team ships it: under `style-src 'self'` (next.config.mjs sends the
// policy for this path). Nothing of ours may need an inline style here.
import { DataSourcePicker, ThryveConnectionWidget } from '@thryve-connect/react';
import { connection } from 'next/server';
import { demoUser } from '../demoUser';
import { Providers } from '../Providers';
import { initialFor } from '../thryve';

export const instant = false;

export default async function StrictPage() {
  await connection();
  const userKey = await demoUser();
  const initial = await initialFor(userKey);
  return (
    <Providers userKey={userKey} {...initial}>
      <h1>Devices, under a strict style policy</h1>
      <ThryveConnectionWidget />
      <DataSourcePicker include={[1, 2]} redirectUri="/strict" />
    </Providers>
  );
}
