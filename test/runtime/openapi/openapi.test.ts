import '../../support/functionHostEnv';
import { ORDINARY_MORNING } from '../../support/instants';
import http from 'node:http';
import tcb from '@cloudbase/node-sdk';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  CONTENT_SCENE,
  NO_PERMISSION_ERRCODE,
  WxOpenApiError,
  checkText,
  createQrCode,
  fitSubscribeValue,
  sendSubscribeMessage,
  submitImageCheck,
} from '../../../cloudfunctions/core/openapi';
import { decodeCommApiData, decodeCommOpenApiResp, encodeCommApiData, encodeCommOpenApiResp, requestPairs } from '../../../cloudfunctions/core/openapiWire';
import { createOpenApi, sendCloudCallReply, type CloudCallReply, type LocalOpenApi, type OpenApiOptions } from '../../../runtime/openapi';
import { parseMultipart } from '../../../runtime/openapi/multipart';
import { useScratchDir, useStandInServer } from '../../support/standIn';

const RESIDENT = 'oResident_0001';

let dataDir: string;
let openApi: LocalOpenApi;
let serviceUrl: string;

/** When set, the stand-in answers this instead of asking the local open APIs: what CloudBase relays from WeChat. */
let scripted: CloudCallReply | undefined;
/** The cloud-call requests the stand-in received, decoded. */
let received: Array<{ apiName: string; request: Record<string, unknown> }> = [];

/** The stand-in for the runtime server: the SDK's cloud calls (multipart, action wx.openApi) go to the local open APIs. */
const serveOpenApi: http.RequestListener = (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const fields = parseMultipart(Buffer.concat(chunks), req.headers['content-type'] ?? '') ?? {};
    const { pairs } = decodeCommApiData(fields.requestData ?? Buffer.alloc(0));
    received.push({ apiName: fields.apiName?.toString() ?? '', request: Object.fromEntries(pairs.map((p) => [p.key, JSON.parse(p.value.toString())])) });
    const answer = scripted ? Promise.resolve(scripted) : openApi.handle(fields);
    answer.then(
      (reply) => sendCloudCallReply(res, reply),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
};

/** WeChat's reply as CloudBase relays it to the SDK. */
function relayed(contentType: string, body: Buffer | Record<string, unknown>): CloudCallReply {
  const respData = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  return { kind: 'protobuf', bytes: encodeCommOpenApiResp({ respData, contentType, httpCode: 200 }) };
}

function useOpenApi(options: Partial<OpenApiOptions> = {}): LocalOpenApi {
  openApi = createOpenApi({ dataDir, now: () => ORDINARY_MORNING, ...options });
  return openApi;
}

function decodeQr(png: Buffer): URL {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error('no QR code found in the PNG');
  return new URL(code.data);
}

useStandInServer(serveOpenApi, (baseUrl) => (serviceUrl = `${baseUrl}/admin`));

useScratchDir('openapi-', (dir) => {
  dataDir = dir;
  useOpenApi();
  scripted = undefined;
  received = [];
});

describe('mini-program codes (wxacode.getUnlimited)', () => {
  it('gives a PNG whose code opens the page with the scene', async () => {
    const image = await createQrCode({ scene: 'st=1024&d=7', page: 'pages/station/index', width: 300 });

    expect(image).toMatchObject({ contentType: 'image/png', extension: 'png' });
    expect(image.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const target = decodeQr(image.bytes);
    expect(`${target.origin}${target.pathname}`).toBe('https://lianxinqiao.local/mp');
    expect(target.searchParams.get('scene')).toBe('st=1024&d=7');
    expect(target.searchParams.get('page')).toBe('pages/station/index');
  });

  it('refuses a scene WeChat would refuse before calling it', async () => {
    await expect(createQrCode({ scene: 'x'.repeat(33) })).rejects.toThrow(RangeError);
    await expect(createQrCode({ scene: '站点1024' })).rejects.toThrow(RangeError);
  });

  it('answers 41030 for a page the mini-program does not have, as WeChat does', async () => {
    useOpenApi({ pages: ['pages/index/index'] });
    const refusal = createQrCode({ scene: 'st=1', page: 'pages/missing/index' });
    await expect(refusal).rejects.toBeInstanceOf(WxOpenApiError);
    await expect(refusal).rejects.toMatchObject({ errcode: 41030 });
    await expect(createQrCode({ scene: 'st=1', page: 'pages/missing/index', checkPath: false, width: 280 })).resolves.toMatchObject({ extension: 'png' });
  });

  it('sends what wx-server-sdk sends: one field per pair, its value JSON, undefined fields left out', async () => {
    await createQrCode({ scene: 'd=D001', page: 'pages/scan/index', checkPath: false });
    expect(received).toEqual([{ apiName: 'wxacode.getUnlimited', request: { scene: 'd=D001', page: 'pages/scan/index', check_path: false } }]);
  });

  it('answers 40169 to a raw call with an invalid scene', async () => {
    const reply = await openApi.handle({
      action: Buffer.from('wx.openApi'),
      apiName: Buffer.from('wxacode.getUnlimited'),
      requestData: encodeCommApiData({ pairs: requestPairs({ scene: '中文' }) }),
    });
    if (reply.kind !== 'protobuf') throw new Error('expected a cloud-call reply');
    const answer = decodeCommOpenApiResp(reply.bytes);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(answer.respData.toString())).toMatchObject({ errcode: 40169 });
  });
});

describe("WeChat's answers as CloudBase relays them (documented shapes)", () => {
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
  const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);

  it("takes a code answered as image/jpeg, as in WeChat's own example, and names it .jpg", async () => {
    scripted = relayed('image/jpeg', JPEG);
    await expect(createQrCode({ scene: 'st=1' })).resolves.toEqual({ bytes: JPEG, contentType: 'image/jpeg', extension: 'jpg' });
  });

  it('takes a code answered as image/png', async () => {
    scripted = relayed('image/png', PNG_BYTES);
    await expect(createQrCode({ scene: 'st=1' })).resolves.toEqual({ bytes: PNG_BYTES, contentType: 'image/png', extension: 'png' });
  });

  it('refuses bytes that are no image, whatever their declared type', async () => {
    scripted = relayed('image/jpeg', Buffer.from('<html>busy</html>'));
    await expect(createQrCode({ scene: 'st=1' })).rejects.toThrow(/neither PNG nor JPEG/);
  });

  it('turns the JSON error body of an invalid scene into WxOpenApiError 40169', async () => {
    scripted = relayed('application/json; encoding=utf-8', { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string rid: 6532e1f1-0a1b2c3d-4e5f6a7b' });
    await expect(createQrCode({ scene: 'st=1' })).rejects.toMatchObject({ name: 'WxOpenApiError', apiName: 'wxacode.getUnlimited', errcode: 40169 });
  });

  it('turns an exhausted quota (45009), sent as text/plain as WeChat sometimes does, into WxOpenApiError', async () => {
    scripted = relayed('text/plain', { errcode: 45009, errmsg: 'reach max api daily quota limit rid: 6532e1f1-0a1b2c3d' });
    await expect(sendSubscribeMessage({ touser: RESIDENT, templateId: 'TPL', data: { thing1: '提醒' } })).rejects.toMatchObject({ errcode: 45009 });
  });

  it("reports the cloud call's own refusal (-604101: the function is not granted the API)", async () => {
    scripted = { kind: 'protobuf', bytes: encodeCommOpenApiResp({ errorCode: NO_PERMISSION_ERRCODE }) };
    await expect(checkText({ content: '你好', openid: RESIDENT, scene: CONTENT_SCENE.comment })).rejects.toMatchObject({ errcode: -604101 });
  });

  it('reads a successful JSON answer with its fields', async () => {
    scripted = relayed('application/json', { errcode: 0, errmsg: 'ok', msgid: 3062213245281189888 });
    await expect(sendSubscribeMessage({ touser: RESIDENT, templateId: 'TPL', data: { thing1: '提醒' } })).resolves.toEqual({ msgId: expect.any(Number) });
  });

  it("lets CloudBase's own JSON error through as the SDK's error", async () => {
    scripted = { kind: 'json', body: { code: 'PERMISSION_DENIED', message: 'env not allowed', requestId: 'r1' } };
    await expect(createQrCode({ scene: 'st=1' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });
});

describe("permissions: a cloud call runs under the calling function's config.json", () => {
  it('refuses an API the function does not declare with -604101, and serves one it declares', async () => {
    useOpenApi({ permissions: (fn) => (fn === 'booking' ? ['wxacode.getUnlimited'] : []) });
    const call = (functionName: string) =>
      openApi.handle(
        { action: Buffer.from('wx.openApi'), apiName: Buffer.from('wxacode.getUnlimited'), requestData: encodeCommApiData({ pairs: requestPairs({ scene: 'st=1' }) }) },
        { functionName },
      );
    const refused = await call('directory');
    const served = await call('booking');
    if (refused.kind !== 'protobuf' || served.kind !== 'protobuf') throw new Error('expected cloud-call replies');
    expect(decodeCommOpenApiResp(refused.bytes)).toMatchObject({ errorCode: -604101, respData: Buffer.alloc(0) });
    expect(decodeCommOpenApiResp(served.bytes)).toMatchObject({ errorCode: 0, contentType: 'image/png' });
  });
});

describe('text checks (security.msgSecCheck v2)', () => {
  it('flags risky text with its label', async () => {
    const verdict = await checkText({ content: '这里可以网络赌博，稳赚不赔', openid: RESIDENT, scene: CONTENT_SCENE.comment });
    expect(verdict).toMatchObject({ pass: false, suggest: 'risky', label: 20006 });
    expect(verdict.traceId).toEqual(expect.any(String));
  });

  it('sees through spaces and full-width letters', async () => {
    await expect(checkText({ content: '网 络 赌 博', openid: RESIDENT, scene: CONTENT_SCENE.forum })).resolves.toMatchObject({ pass: false, label: 20006 });
  });

  it('asks for review where the word list says so', async () => {
    await expect(checkText({ content: '加微信领红包啦', openid: RESIDENT, scene: CONTENT_SCENE.comment })).resolves.toMatchObject({
      pass: false,
      suggest: 'review',
      label: 10001,
    });
  });

  it('lets ordinary Chinese text pass', async () => {
    const verdict = await checkText({
      content: '建议在幸福路口增设无障碍坡道，方便坐轮椅的老人去社区卫生服务中心。',
      openid: RESIDENT,
      scene: CONTENT_SCENE.comment,
    });
    expect(verdict).toEqual({ pass: true, suggest: 'pass', traceId: expect.any(String) });
  });

  it('turns a WeChat refusal into a thrown error with the errcode', async () => {
    await expect(checkText({ content: '你好', openid: 'not an openid!', scene: CONTENT_SCENE.comment })).rejects.toMatchObject({
      name: 'WxOpenApiError',
      errcode: 40003,
    });
  });
});

describe('subscribe messages (subscribeMessage.send)', () => {
  const reminder = {
    touser: RESIDENT,
    templateId: 'TPL_reception_reminder',
    page: 'pages/reception/detail?id=42',
    data: {
      thing1: '幸福街道人大代表联络站接待日：请带好身份证件并提前十分钟到场',
      time2: '2025年5月1日 09:30',
      character_string3: 'RD-20250501-42',
    },
  };

  it('lands in the outbox with values cut to WeChat limits, and stays there after a restart', async () => {
    const { msgId } = await sendSubscribeMessage(reminder);
    expect(msgId).toBe(1);

    const [entry] = useOpenApi().outbox();
    expect(entry).toMatchObject({ seq: 1, apiName: 'subscribeMessage.send', envName: 'local-test' });
    expect(entry?.request).toMatchObject({ touser: RESIDENT, template_id: 'TPL_reception_reminder', page: 'pages/reception/detail?id=42' });
    const thing = (entry?.request.data as Record<string, { value: string }>).thing1.value;
    expect([...thing]).toHaveLength(20);
    expect(thing.endsWith('…')).toBe(true);
  });

  it('refuses a template the app does not have, and sends nothing', async () => {
    useOpenApi({ templates: { TPL_reception_reminder: ['thing1', 'time2', 'character_string3'] } });
    await expect(sendSubscribeMessage({ ...reminder, templateId: 'TPL_unknown' })).rejects.toMatchObject({ errcode: 40037 });
    expect(openApi.outbox()).toHaveLength(0);
  });

  it('refuses data that does not match the template or its keyword types', async () => {
    useOpenApi({ templates: { TPL_reception_reminder: ['thing1', 'time2', 'character_string3'] } });
    await expect(sendSubscribeMessage({ ...reminder, data: { thing1: '接待日提醒', time2: '2025年5月1日 09:30' } })).rejects.toMatchObject({
      errcode: 47003,
    });
    await expect(sendSubscribeMessage({ ...reminder, data: { ...reminder.data, time2: '明天上午' } })).rejects.toMatchObject({ errcode: 47003 });
    await expect(sendSubscribeMessage({ ...reminder, touser: '' })).rejects.toThrow(RangeError);
    expect(openApi.outbox()).toHaveLength(0);
  });
});

describe('fitting subscribe-message values', () => {
  it('cuts free text by characters without splitting one', () => {
    expect(fitSubscribeValue('thing1', '短句')).toBe('短句');
    const cut = fitSubscribeValue('thing4', `${'长'.repeat(18)}👨‍👩‍👧尾巴`);
    expect(cut).toBe(`${'长'.repeat(18)}…`);
    expect(fitSubscribeValue('thing2', `${'字'.repeat(17)}👍🏽还有`)).toBe(`${'字'.repeat(17)}👍🏽…`);
    expect(fitSubscribeValue('name3', '欧阳娜娜娜娜娜娜娜娜娜')).toBe('欧阳娜娜娜娜娜娜娜娜');
    expect(fitSubscribeValue('phrase5', '已受理待安排')).toBe('已受理待安');
  });

  it('refuses identifiers too long to cut and keyword types it does not know', () => {
    expect(() => fitSubscribeValue('character_string1', 'A'.repeat(33))).toThrow(RangeError);
    expect(() => fitSubscribeValue('phone_number2', '+86 138 0000 0000 0')).toThrow(RangeError);
    expect(() => fitSubscribeValue('phrase1', 'ok')).toThrow(RangeError);
    expect(() => fitSubscribeValue('colour1', '红')).toThrow(RangeError);
    expect(() => fitSubscribeValue('thing1', '   ')).toThrow(RangeError);
  });
});

describe('image checks (security.mediaCheckAsync v2)', () => {
  it('answers a trace id and records the request', async () => {
    const { traceId } = await submitImageCheck({ mediaUrl: 'http://127.0.0.1/storage/a.png', openid: RESIDENT, scene: CONTENT_SCENE.profile });
    expect(traceId).toMatch(/^local-/);
    expect(openApi.outbox()).toEqual([expect.objectContaining({ apiName: 'security.mediaCheckAsync', request: expect.objectContaining({ media_type: 2 }) })]);
  });
});

describe('APIs the runtime does not offer', () => {
  it('answers 48001 in the reply node-sdk reads, through an explicitly configured SDK', async () => {
    const app = tcb.init({ env: 'local-test', serviceUrl, secretId: 'x', secretKey: 'y' });
    const raw = (await app.callCompatibleWxOpenApi({ apiName: 'wxa.notAnApi', requestData: encodeCommApiData({ pairs: requestPairs({ a: 1 }) }) })) as Buffer;
    const answer = decodeCommOpenApiResp(raw);
    expect(JSON.parse(answer.respData.toString())).toMatchObject({ errcode: 48001, errmsg: expect.stringContaining('wxa.notAnApi') });
  });
});
