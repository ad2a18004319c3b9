import type * as FormModel from '../../../miniprogram/pages/opinion-new/model';
import {
  fieldOfServerPath,
  initialOpinionFormState,
  MESSAGES,
  NO_ERRORS,
  submitPayload,
  targetFromQuery,
  validateOpinion,
  type OpinionFormState,
  type OpinionTarget,
  type PhotoView,
} from '../../../miniprogram/pages/opinion-new/model';
import { draftKey, newDraft, type OpinionDraft } from '../../../miniprogram/stores/opinion-drafts';
import { freshApp } from '../support/fresh-app';
import { installDevice } from '../support/wx-device';
import { fixtureFunctions, installWx, networkDown, ok, refused, type FunctionHost } from '../support/wx-double';

const CHEN: OpinionTarget = { kind: 'deputy', id: 'dp-001', name: '陈建华' };
const TEXT = '小区门口的路灯坏了三个月，晚上老人出门很不安全。';
const draft = (fields: Partial<OpinionDraft> = {}): OpinionDraft => ({ ...newDraft(), category: 'transport', text: TEXT, ...fields });
const photo = (status: PhotoView['status']): PhotoView => ({ key: 'p', src: 'wxfile://a.jpg', status, progress: 0, fileID: '' });

describe('留言 form rules, as the server has them', () => {
  it('asks for a category and 10 to 1000 characters, counted as a person counts them', () => {
    expect(validateOpinion(draft(), [])).toEqual(NO_ERRORS);
    expect(validateOpinion(draft({ category: '' }), []).category).toBe('请选择意见类别');
    expect(validateOpinion(draft({ text: '  路灯坏了，请修一下  ' }), []).text).toBe('请至少写10个字');
    expect(validateOpinion(draft({ text: '路灯坏了好几天了请修😀' }), []).text).toBe('');
    expect(validateOpinion(draft({ text: '字'.repeat(1000) }), []).text).toBe('');
    expect(validateOpinion(draft({ text: '字'.repeat(1001) }), []).text).toBe('最多1000个字，请精简后再提交');
  });

  it('takes a mobile number only, and one is needed to agree to be called', () => {
    expect(validateOpinion(draft({ phone: '12345' }), []).phone).toBe('请填写11位手机号码');
    expect(validateOpinion(draft({ phone: '23812345678' }), []).phone).toBe('请填写11位手机号码');
    expect(validateOpinion(draft({ phone: '13812345678' }), []).phone).toBe('');
    expect(validateOpinion(draft({ mayContact: true }), []).phone).toBe('同意联系时请留下手机号码');
    expect(validateOpinion(draft({ name: '王'.repeat(21) }), []).name).toBe('姓名最多20个字');
  });

  it('waits for photos still uploading, and will not send one that failed', () => {
    expect(validateOpinion(draft(), [photo('uploading')]).photos).toBe(MESSAGES.photosUploading);
    expect(validateOpinion(draft(), [photo('done'), photo('failed')]).photos).toBe(MESSAGES.photosFailed);
  });

  it('sends only what was filled in, trimmed, with the draft’s clientRequestId', () => {
    const filled = draft({ text: `  ${TEXT}\n`, photos: [{ fileID: 'cloud://env/opinion-photos/20261123/a.jpg', localPath: 'wxfile://a' }] });
    expect(submitPayload(CHEN, filled)).toEqual({
      clientRequestId: filled.clientRequestId,
      target: { deputyId: 'dp-001' },
      category: 'transport',
      text: TEXT,
      photos: ['cloud://env/opinion-photos/20261123/a.jpg'],
    });
    const withContact = submitPayload(
      { kind: 'station', id: 'st-nanhu', name: '南湖街道人大代表联络站' },
      draft({ name: ' 王阿姨 ', phone: '13812345678', mayContact: true, location: { latitude: 30.5, longitude: 114.3, name: '和平路88号', address: '江北区' } }),
    );
    expect(withContact).toMatchObject({
      target: { stationId: 'st-nanhu' },
      contact: { name: '王阿姨', phone: '13812345678', mayContact: true },
      location: { latitude: 30.5, longitude: 114.3, address: '和平路88号 江北区' },
    });
  });

  it("puts the server's field problems next to the right field", () => {
    expect(fieldOfServerPath('text')).toBe('text');
    expect(fieldOfServerPath('contact.phone')).toBe('phone');
    expect(fieldOfServerPath('contact')).toBe('phone');
    expect(fieldOfServerPath('contact.name')).toBe('name');
    expect(fieldOfServerPath('photos.2')).toBe('photos');
    expect(fieldOfServerPath('clientRequestId')).toBeNull();
  });

  it('reads whom it is for from the page query', () => {
    expect(targetFromQuery({ deputyId: 'dp-001', name: '%E9%99%88%E5%BB%BA%E5%8D%8E' })).toEqual(CHEN);
    expect(targetFromQuery({ stationId: 'st-nanhu' })).toEqual({ kind: 'station', id: 'st-nanhu', name: '' });
    expect(targetFromQuery({})).toBeNull();
  });
});

describe('留言 form model', () => {
  function open(functions: FunctionHost, storage: Record<string, unknown> = {}) {
    const wx = installWx({ functions, storage });
    const device = installDevice(wx);
    const { createOpinionForm } = freshApp<typeof FormModel>('pages/opinion-new/model');
    let state: OpinionFormState = initialOpinionFormState();
    const form = createOpinionForm(CHEN, (change) => (state = { ...state, ...change }));
    form.load();
    return { wx, device, form, state: () => state };
  }

  const accepted = ok({ opinionId: 'op-1', trackingNo: 'LJ01-261123-007', status: 'received', statusLabel: '已提交', createdAt: '2026-11-23T02:00:00.000Z' });

  it('says nothing is wrong until the resident tries to submit', () => {
    const page = open(fixtureFunctions({}));
    page.form.setText('短');
    expect(page.state().errors).toEqual(NO_ERRORS);
    expect(page.state()).toMatchObject({ textCount: 1, textCountOk: false });
  });

  it('keeps its clientRequestId across failed submits, and a new draft gets a new one', async () => {
    let online = false;
    const page = open(fixtureFunctions({ 'opinion.submit': () => (online ? accepted : networkDown()) }));
    page.form.chooseCategory('transport');
    page.form.setText(TEXT);

    await page.form.submit();
    expect(page.state().submitError).toBe(MESSAGES.networkKept);
    online = true;
    await page.form.submit();

    // The failed submit was sent twice (a create keyed by its request id is retried once), then sent again.
    const ids = page.wx.cloudCalls.filter((call) => call.action === 'opinion.submit').map((call) => (call.payload as { clientRequestId: string }).clientRequestId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(page.state().submitted).toEqual({ trackingNo: 'LJ01-261123-007', trackingGroups: ['LJ01', '261123', '007'], statusLabel: '已提交' });
    expect(page.wx.storage.has(draftKey(CHEN))).toBe(false);

    const next = open(fixtureFunctions({}), Object.fromEntries(page.wx.storage));
    next.form.setText(TEXT);
    expect((next.wx.storage.get(draftKey(CHEN)) as OpinionDraft).clientRequestId).not.toBe(ids[0]);
  });

  it("shows a refusal's message, and the fields it names beside them", async () => {
    const page = open(fixtureFunctions({ 'opinion.submit': refused('COMMON.INVALID_INPUT', { 'contact.phone': '请填写11位手机号码' }) }));
    page.form.chooseCategory('transport');
    page.form.setText(TEXT);

    await page.form.submit();

    expect(page.state().errors.phone).toBe('请填写11位手机号码');
    expect(page.state().submitError).toBe(MESSAGES.checkFields);
  });

  it('says a rate limit plainly, and keeps what was typed', async () => {
    const page = open(fixtureFunctions({ 'opinion.submit': refused('OPINION.RATE_LIMITED') }));
    page.form.chooseCategory('transport');
    page.form.setText(TEXT);

    await page.form.submit();

    expect(page.state().submitError).toBe('提交太频繁了（每小时最多5条、每天最多20条），请稍后再试，填写的内容已为您保留');
    expect(page.wx.storage.get(draftKey(CHEN))).toMatchObject({ text: TEXT });
  });

  it('a location is optional; picking none changes nothing', async () => {
    const page = open(fixtureFunctions({}));
    await page.form.pickLocation();
    expect(page.state().location).toBeNull();
    page.device.nextPlace = { latitude: 30.59, longitude: 114.3, name: '和平路88号', address: '临江市江北区' };
    await page.form.pickLocation();
    expect(page.state().location).toEqual(page.device.nextPlace);
    page.form.clearLocation();
    expect(page.state().location).toBeNull();
  });
});
