/**
 * What create-next-app@16 generates, but for its Tailwind loader (this app has no Tailwind): Cache
 * Components on, so the pages render at request time only through `await connection()`.
 * @type {import('next').NextConfig}
 */
export default { cacheComponents: true, partialPrefetching: true };
