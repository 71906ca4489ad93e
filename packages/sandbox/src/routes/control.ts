import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from '../context.js';
import { parseFault } from '../faults.js';
import { readBody, sendJson } from '../http.js';
import { ALIAS_PATTERN, type SandboxUser } from '../store.js';

/** Headers on every control response: stories and browser tests call it from other origins. */
export const CONTROL_CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '600',
};

/** What the control API needs beyond the route context. */
export interface ControlActions {
  reset(): void;
  connect(user: { endUserId?: string; alias?: string }, dataSource: number): SandboxUser;
  disconnect(user: { endUserId?: string; alias?: string }, dataSource: number): SandboxUser;
  requests(): ReadonlyArray<{ method: string; path: string; status: number }>;
}

const send = (res: ServerResponse, status: number, body: unknown): void =>
  sendJson(res, status, body, CONTROL_CORS_HEADERS);

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

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function parseUserAndSource(
  input: unknown,
): { user: { endUserId?: string; alias?: string }; dataSource: number } | string {
  if (typeof input !== 'object' || input === null) return 'The body must be a JSON object.';
  const { alias, endUserId, dataSource } = input as Record<string, unknown>;
  if (!Number.isInteger(dataSource) || (dataSource as number) < 1)
    return 'dataSource must be a positive integer.';
  if (alias !== undefined && (typeof alias !== 'string' || !ALIAS_PATTERN.test(alias))) {
    return 'alias must be 1 to 80 letters, digits or "-".';
  }
  if (endUserId !== undefined && typeof endUserId !== 'string') return 'endUserId must be a string.';
  if (alias === undefined && endUserId === undefined) return 'Give an alias or an endUserId.';
  const user: { endUserId?: string; alias?: string } = {};
  if (typeof alias === 'string') user.alias = alias;
  if (typeof endUserId === 'string') user.endUserId = endUserId;
  return { user, dataSource: dataSource as number };
}

/** `/__sandbox/*`: health, state, reset, faults and direct state changes for tests and stories. */
export async function handleControl(
  ctx: SandboxContext,
  actions: ControlActions,
  req: IncomingMessage,
  path: string,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, CONTROL_CORS_HEADERS);
    return void res.end();
  }
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /__sandbox/health':
      return send(res, 200, { ok: true });
    case 'GET /__sandbox/state':
      return send(res, 200, {
        users: usersJson(ctx.store.users.values()),
        sessions: ctx.store.liveSessions(),
        faults: ctx.faults.list(),
        requests: actions.requests(),
      });
    case 'POST /__sandbox/reset':
      actions.reset();
      return send(res, 200, { ok: true });
    case 'GET /__sandbox/faults':
      return send(res, 200, { faults: ctx.faults.list() });
    case 'POST /__sandbox/faults': {
      const fault = parseFault(await readJson(req));
      if (typeof fault === 'string') return send(res, 400, { error: { message: fault } });
      ctx.faults.add(fault);
      return send(res, 201, { ok: true, fault });
    }
    case 'DELETE /__sandbox/faults':
      ctx.faults.clear();
      return send(res, 200, { ok: true });
    case 'POST /__sandbox/connect':
    case 'POST /__sandbox/disconnect': {
      const parsed = parseUserAndSource(await readJson(req));
      if (typeof parsed === 'string') return send(res, 400, { error: { message: parsed } });
      try {
        const act = path.endsWith('/connect') ? actions.connect : actions.disconnect;
        const user = act(parsed.user, parsed.dataSource);
        return send(res, 200, { ok: true, user: usersJson([user])[0] });
      } catch (error) {
        return send(res, 400, { error: { message: (error as Error).message } });
      }
    }
  }
  const known = ['health', 'state', 'reset', 'faults', 'connect', 'disconnect'].map(
    (name) => `/__sandbox/${name}`,
  );
  if (known.includes(path))
    return send(res, 405, { error: { message: `${method} is not allowed on ${path}.` } });
  send(res, 404, { error: { message: `No control route ${path}.` } });
}
