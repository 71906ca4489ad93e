'use client';
import { DataSourcePicker, useConnectionResult } from '@thryve-connect/react';
import { useState } from 'react';

export function Devices() {
  const [last, setLast] = useState('');
  useConnectionResult({ onConnected: (id) => setLast(`connected:${id}`) });
  return (
    <>
      <DataSourcePicker include={[1, 2, 18]} redirectUri={`${globalThis.location?.origin ?? ''}/devices`} />
      <output id="events">{last}</output>
    </>
  );
}
