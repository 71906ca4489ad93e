import { demoUser } from '../demoUser';
import { Providers } from '../Providers';
import { initialFor } from '../thryve';
import { Devices } from './Devices';

export const dynamic = 'force-dynamic';

export default async function Page() {
  const userKey = await demoUser();
  // The widget's session (and the statuses) in the server's HTML: no request from the browser on load.
  const initial = await initialFor(userKey);
  return (
    <Providers userKey={userKey} {...initial}>
      <Devices />
    </Providers>
  );
}
