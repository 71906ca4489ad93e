import { version } from 'react';
import { expect, it } from 'vitest';

// Names the React this project runs on in the report (the matrix runs the suite on 18 and 19).
it(`runs on a React major of the peer range (here ${version})`, () => {
  expect(['18', '19']).toContain(version.split('.')[0]);
});
