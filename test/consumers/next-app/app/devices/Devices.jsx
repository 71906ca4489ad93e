'use client';
import { DataSourcePicker, useConnectionResult } from '@thryve-connect/react';
import { useState } from 'react';

export function Devices({ result }) {
  // What each listener heard of Thryve's redirect back: the picker's callback and the page's own hook.
  const [heard, setHeard] = useState([]);
  const hear = (listener) => (id) => setHeard((lines) => [...lines, `${listener}: connected ${id}`]);
  useConnectionResult({ onConnected: hear('page') });
  return (
    <>
      <DataSourcePicker
        include={[1, 2, 18]}
        redirectUri="/devices"
        result={result}
        onConnected={hear('picker')}
      />
      <ul id="heard" aria-label="Connection results">
        {heard.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log
          <li key={index}>{line}</li>
        ))}
      </ul>
    </>
  );
}
