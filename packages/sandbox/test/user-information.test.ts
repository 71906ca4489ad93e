import { describe, expect, it } from 'vitest';
import { AUTH, createUser, postForm, useSandbox } from './helpers.js';

describe('POST /v5/userInformation', () => {
  const sandbox = useSandbox();

  it('answers a one-item array with alias, sorted connected sources and no devices', async () => {
    const endUserId = await createUser(sandbox(), 'info-user');
    sandbox().connect({ endUserId }, 18);
    sandbox().connect({ alias: 'info-user' }, 1);
    const response = await postForm(sandbox(), '/v5/userInformation', { authenticationToken: endUserId });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as unknown[];
    expect(body).toEqual([
      {
        authenticationToken: endUserId,
        partnerUserID: 'info-user',
        connectedSources: [
          { dataSource: 1, connectedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) },
          { dataSource: 18, connectedAt: expect.any(String) },
        ],
        devices: [],
      },
    ]);
  });

  it('answers partnerUserID null and no sources for a new anonymous user', async () => {
    const endUserId = await createUser(sandbox());
    const body = await (
      await postForm(sandbox(), '/v5/userInformation', { authenticationToken: endUserId })
    ).json();
    expect(body).toEqual([
      { authenticationToken: endUserId, partnerUserID: null, connectedSources: [], devices: [] },
    ]);
  });

  it('answers 403 for an unknown token', async () => {
    const response = await postForm(sandbox(), '/v5/userInformation', {
      authenticationToken: 'f'.repeat(32),
    });
    expect(response.status).toBe(403);
  });

  it('answers 400 when authenticationToken is missing', async () => {
    const response = await postForm(sandbox(), '/v5/userInformation', {});
    expect(response.status).toBe(400);
  });

  it('answers 401 without AppAuthorization', async () => {
    const endUserId = await createUser(sandbox());
    const response = await postForm(
      sandbox(),
      '/v5/userInformation',
      { authenticationToken: endUserId },
      { Authorization: AUTH.Authorization },
    );
    expect(response.status).toBe(401);
  });

  it('answers 405 on PUT', async () => {
    const response = await fetch(`${sandbox().url}/v5/userInformation`, { method: 'PUT' });
    expect(response.status).toBe(405);
  });
});
