import { demoUser } from '../demoUser';
import { Providers } from '../Providers';
import { Devices } from './Devices';

export const dynamic = 'force-dynamic';

export default async function Page() {
  return (
    <Providers userKey={await demoUser()}>
      <Devices />
    </Providers>
  );
}
