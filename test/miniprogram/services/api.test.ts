import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { backendFor, CONFIG } from '../../../miniprogram/config';
import { ApiError, callApi, functionNameOf, useBackend } from '../../../miniprogram/services/api';
import { API, type ActionName } from '../../../miniprogram/shared/contract';
import { isRetrySafe, RETRY_SAFETY } from '../../../miniprogram/shared/retries';
import { ERROR_MESSAGES } from '../../../miniprogram/shared/errors';
import { DEPUTY_DETAIL } from '../support/directory-fixtures';
import { fixtureFunctions, installWx, localRuntimeFunctions, networkDown, ok, refused, WxFail } from '../support/wx-double';

const PROFILE = { roles: ['resident' as const], preferences: { fontScale: 'large' as const } };

async function refusalOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  useBackend('cloud');
});

afterEach(() => jest.restoreAllMocks());

describe('callApi over wx.cloud.callFunction', () => {
  it('sends { action, payload } to the function named before the dot and resolves with the data', async () => {
    const wx = installWx({ functions: fixtureFunctions({ 'directory.getDeputy': ok(DEPUTY_DETAIL) }) });

    const detail = await callApi('directory.getDeputy', { deputyId: 'dp-wang' });

    expect(detail.deputy.name).toBe('王志强');
    expect(wx.cloudCalls).toEqual([{ functionName: 'directory', action: 'directory.getDeputy', payload: { deputyId: 'dp-wang' } }]);
  });

  it('turns a refusal into an ApiError with its code, the Chinese message and the fields', async () => {
    installWx({
      functions: fixtureFunctions({ 'directory.getDeputy': refused('COMMON.INVALID_INPUT', { deputyId: '格式不正确' }) }),
    });

    const error = await refusalOf(callApi('directory.getDeputy', { deputyId: 'x' }));

    expect(error.code).toBe('COMMON.INVALID_INPUT');
    expect(error.message).toBe('填写的内容有误，请检查后再试');
    expect(error.fields).toEqual({ deputyId: '格式不正确' });
  });

  it('takes the message for a known code from shared/errors, whatever the back end wrote', async () => {
    installWx({
      functions: fixtureFunctions({ 'directory.getDeputy': { ok: false, code: 'COMMON.NOT_FOUND', message: 'not found' } }),
    });

    const error = await refusalOf(callApi('directory.getDeputy', { deputyId: 'dp-x' }));

    expect(error).toMatchObject({ code: 'COMMON.NOT_FOUND', message: ERROR_MESSAGES['COMMON.NOT_FOUND'] });
  });

  it("keeps a newer back end's own message for a code this build does not know", async () => {
    installWx({
      functions: async () => ({ ok: false, code: 'NEWER.FEATURE_REFUSED', message: '该功能需要更新小程序后使用' }),
    });

    const error = await refusalOf(callApi('directory.listAreas', {}));

    expect(error).toMatchObject({ code: 'COMMON.INTERNAL', message: '该功能需要更新小程序后使用' });
  });

  it('treats an answer that is not an API envelope as an internal error', async () => {
    installWx({ functions: async () => 'Internal Server Error' });

    const error = await refusalOf(callApi('directory.listAreas', {}));

    expect(error).toMatchObject({ code: 'COMMON.INTERNAL', message: '系统开小差了，请稍后再试' });
  });

  it('tries a read once more when the network drops it, and the resident never notices', async () => {
    const wx = installWx({
      functions: fixtureFunctions({ 'directory.listAreas': (_payload, call) => (call === 1 ? networkDown() : ok({ areas: [] })) }),
    });

    await expect(callApi('directory.listAreas', {})).resolves.toEqual({ areas: [] });
    expect(wx.cloudCalls).toHaveLength(2);
  });

  it('gives up on a read after the second network failure with COMMON.NETWORK', async () => {
    const wx = installWx({ functions: fixtureFunctions({ 'directory.listAreas': networkDown }) });

    const error = await refusalOf(callApi('directory.listAreas', {}));

    expect(error).toMatchObject({ code: 'COMMON.NETWORK', message: '网络不太稳定，请检查网络后重试' });
    expect(wx.cloudCalls).toHaveLength(2);
  });

  it('tries a read once more whatever its name: casework.list lost to the network is asked again', async () => {
    const wx = installWx({
      functions: fixtureFunctions({ 'casework.list': (_payload, call) => (call === 1 ? networkDown() : ok({ cases: [], nextCursor: null })) }),
    });

    await expect(callApi('casework.list', { view: 'mine' } as never)).resolves.toEqual({ cases: [], nextCursor: null });
    expect(wx.cloudCalls).toHaveLength(2);
  });

  it('never repeats a write on its own', async () => {
    const wx = installWx({ functions: fixtureFunctions({ 'account.updatePreferences': networkDown }) });

    const error = await refusalOf(callApi('account.updatePreferences', { fontScale: 'extraLarge' }));

    expect(error.code).toBe('COMMON.NETWORK');
    expect(wx.cloudCalls).toHaveLength(1);
  });

  it('reports a function that ran and broke as an internal error, without retrying', async () => {
    const wx = installWx({
      functions: async () => {
        throw new WxFail('cloud.callFunction:fail Error: errCode: -504002 functions execute fail');
      },
    });

    const error = await refusalOf(callApi('directory.listAreas', {}));

    expect(error.code).toBe('COMMON.INTERNAL');
    expect(wx.cloudCalls).toHaveLength(1);
  });

  it('counts a call that never answers as a network failure once the timeout passes', async () => {
    useBackend('cloud', { ...CONFIG, timeoutMs: 20 });
    const wx = installWx({ functions: () => new Promise(() => undefined) });

    const error = await refusalOf(callApi('account.getProfile', {}));

    expect(error.code).toBe('COMMON.NETWORK');
    expect(wx.cloudCalls).toHaveLength(2);
  });
});

describe('callApi over wx.request to the local runtime', () => {
  it('POSTs the event to <base>/fn/<function> with the dev OPENID header', async () => {
    useBackend('local', { ...CONFIG, localBaseUrl: 'http://127.0.0.1:3999', devOpenid: 'dev-tester' });
    const wx = installWx({ functions: fixtureFunctions({ 'account.getProfile': ok(PROFILE) }) });

    await expect(callApi('account.getProfile', {})).resolves.toEqual(PROFILE);

    expect(wx.requests).toEqual([
      {
        url: 'http://127.0.0.1:3999/fn/account',
        method: 'POST',
        header: expect.objectContaining({ 'x-wx-openid': 'dev-tester' }),
        data: { action: 'account.getProfile', payload: {} },
      },
    ]);
  });

  it('maps a failed request to COMMON.NETWORK', async () => {
    useBackend('local');
    installWx({ functions: fixtureFunctions({ 'account.getProfile': networkDown }) });

    await expect(callApi('account.getProfile', {})).rejects.toMatchObject({ code: 'COMMON.NETWORK' });
  });
});

describe('the pieces callApi is made of', () => {
  it('routes each action to the function before the dot', () => {
    expect(functionNameOf('directory.getStation')).toBe('directory');
    expect(functionNameOf('account.updatePreferences')).toBe('account');
  });

  it('follows what the contract declares retry-safe, not what an action is called', () => {
    for (const action of [
      'casework.list',
      'casework.get',
      'casework.stats',
      'opinion.inbox',
      'directory.searchDeputies',
      'directory.nearestStations',
      'directory.resolveScene',
    ] as const) {
      expect([action, isRetrySafe(action)]).toEqual([action, true]);
    }
    expect(isRetrySafe('opinion.submit')).toBe(true);
    expect(isRetrySafe('account.updatePreferences')).toBe(false);
    expect(isRetrySafe('opinion.reply')).toBe(false);
  });

  it('declares exactly the creates that carry a clientRequestId as retry-safe by request id', () => {
    for (const [action, spec] of Object.entries(API)) {
      const keyed = 'clientRequestId' in (shapeOf(spec.payload) ?? {});
      expect([action, RETRY_SAFETY[action as ActionName] === 'requestId']).toEqual([action, keyed]);
    }
  });

  it('uses the configured back end only in development; trial and release always use the cloud', () => {
    const local = { ...CONFIG, backend: 'local' as const };
    expect(backendFor(local, 'develop')).toBe('local');
    expect(backendFor(local, 'trial')).toBe('cloud');
    expect(backendFor(local, 'release')).toBe('cloud');
  });
});

describe('localRuntimeFunctions (the test double speaking to a real HTTP runtime)', () => {
  it('calls POST /fn/<name> with the OPENID header, as the app does', async () => {
    const seen: Array<{ url?: string; openid?: string | string[]; body: string }> = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        seen.push({ url: request.url, openid: request.headers['x-wx-openid'], body });
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(ok(PROFILE)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      installWx({ functions: localRuntimeFunctions(`http://127.0.0.1:${port}`, 'demo-resident-001') });

      await expect(callApi('account.getProfile', {})).resolves.toEqual(PROFILE);
      expect(seen).toEqual([{ url: '/fn/account', openid: 'demo-resident-001', body: '{"action":"account.getProfile","payload":{}}' }]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** The object shape behind a payload schema (strict objects, and refined ones). */
function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const def = (schema as { _zod?: { def?: { shape?: Record<string, unknown>; in?: unknown; schema?: unknown } } } | undefined)?._zod?.def;
  if (!def) return undefined;
  return def.shape ?? shapeOf(def.in) ?? shapeOf(def.schema);
}
