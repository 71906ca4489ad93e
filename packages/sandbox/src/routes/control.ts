import type { SandboxContext, SandboxUserRef } from '../context.js';
import { parseFault } from '../faults.js';
import { json, readBody } from '../http.js';
import { ALIAS_PATTERN, type SandboxUser } from '../store.js';

/** The sandbox's users as plain JSON, for `GET /__sandbox/state`. */
export function usersJson(users: Iterable<SandboxUser>): unknown[] {
  return [...users].map((user) => ({
    endUserId: user.endUserId,
    alias: user.alias ?? null,
    connectedSources: [...user.connected]
      .sort(([a], [b]) => a - b)
      .map(([dataSource, connectedAt]) => ({ dataSource, connectedAt })),
  }));
}

async function readJson(request: Request): Promise<unknown> {
  const body = await readBody(request);
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function parseUserAndSource(input: unknown): { user: SandboxUserRef; dataSource: number } | string {
  if (typeof input !== 'object' || input === null) return 'The body must be a JSON object.';
  const { alias, endUserId, dataSource } = input as Record<string, unknown>;
  if (!Number.isInteger(dataSource) || (dataSource as number) < 1)
    return 'dataSource must be a positive integer.';
  if (alias !== undefined && (typeof alias !== 'string' || !ALIAS_PATTERN.test(alias))) {
    return 'alias must be 1 to 80 letters, digits or "-".';
  }
  if (endUserId !== undefined && typeof endUserId !== 'string') return 'endUserId must be a string.';
  if (alias === undefined && endUserId === undefined) return 'Give an alias or an endUserId.';
  const user: SandboxUserRef = {};
  if (typeof alias === 'string') user.alias = alias;
  if (typeof endUserId === 'string') user.endUserId = endUserId;
  return { user, dataSource: dataSource as number };
}

const refused = (message: string): Response => json(400, { error: { message } });

/** `GET /__sandbox/health`. */
export const handleHealth = (): Response => json(200, { ok: true });

/** `GET /__sandbox/state`: users, live sessions, faults and the request log. */
export const handleState = (ctx: SandboxContext): Response =>
  json(200, {
    users: usersJson(ctx.store.users.values()),
    sessions: ctx.store.liveSessions(),
    faults: ctx.faults.list(),
    requests: ctx.requests,
  });

/** `POST /__sandbox/reset`: forgets users, sessions, faults and the request log. */
export function handleReset(ctx: SandboxContext): Response {
  ctx.reset();
  return json(200, { ok: true });
}

/** `GET|POST|DELETE /__sandbox/faults`: list, add (201) or clear the faults. */
export async function handleFaults(ctx: SandboxContext, request: Request): Promise<Response> {
  if (request.method === 'GET') return json(200, { faults: ctx.faults.list() });
  if (request.method === 'DELETE') {
    ctx.faults.clear();
    return json(200, { ok: true });
  }
  const fault = parseFault(await readJson(request));
  if (typeof fault === 'string') return refused(fault);
  ctx.faults.add(fault);
  return json(201, { ok: true, fault });
}

/** `POST /__sandbox/connect` and `/disconnect`: changes a user's sources without the browser flow. */
export async function handleConnectControl(
  ctx: SandboxContext,
  request: Request,
  url: URL,
): Promise<Response> {
  const parsed = parseUserAndSource(await readJson(request));
  if (typeof parsed === 'string') return refused(parsed);
  let user: SandboxUser;
  try {
    user = ctx.findUser(parsed.user);
  } catch (error) {
    return refused((error as Error).message);
  }
  if (url.pathname.endsWith('/disconnect')) user.connected.delete(parsed.dataSource);
  else user.connected.set(parsed.dataSource, new Date().toISOString());
  return json(200, { ok: true, user: usersJson([user])[0] });
}
