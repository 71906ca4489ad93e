import Module from 'node:module';

// The React 18 leg of the matrix. Vite's aliases cover the ESM our tests and sources import; this
// covers the CommonJS `require`s of @testing-library/react and react-dom, so one React runs, not two.
const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]) {
  const mapped = request.replace(/^react-dom(?=$|\/)/, 'react-dom-18').replace(/^react(?=$|\/)/, 'react-18');
  return resolve.call(this, mapped, ...rest);
};
