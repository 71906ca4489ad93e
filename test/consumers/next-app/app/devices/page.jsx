import { Providers } from '../Providers';
import { Devices } from './Devices';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <Providers>
      <Devices />
    </Providers>
  );
}
