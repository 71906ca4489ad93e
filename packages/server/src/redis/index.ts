/**
 * `@thryve-connect/server/redis`: the proxy's shared store on Redis, for many instances. Needs the
 * optional peer dependency `ioredis`.
 */
export { createRedisStore, type RedisStore, type RedisStoreOptions } from './createRedisStore.js';
