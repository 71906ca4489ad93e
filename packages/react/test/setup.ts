import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Each test starts from an empty document: no component of one test can answer another's query.
afterEach(() => {
  cleanup();
});
