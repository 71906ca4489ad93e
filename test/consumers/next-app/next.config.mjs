/**
 * What create-next-app@16 generates, but for its Tailwind loader (this app has no Tailwind): Cache
 * Components on, so the pages render at request time only through `await connection()`. `/strict`
 * is served under the style policy health companies set (no 'unsafe-inline'), with the widget's origin
 * allowed as a frame and the direct host as a form target.
 * @type {import('next').NextConfig}
 */
export default {
  cacheComponents: true,
  partialPrefetching: true,
  async headers() {
    const thryve = process.env.NEXT_PUBLIC_THRYVE_SANDBOX_URL ?? '';
    return [
      {
        source: '/strict',
        headers: [
          {
            key: 'Content-Security-Policy',
            value: `style-src 'self'; frame-src ${thryve}; form-action 'self' ${thryve}`,
          },
        ],
      },
    ];
  },
};
