import { COLLECTIONS } from '../../infra/database';
import type { OpinionDocument } from '../../infra/documents/opinions';
import type { BookingDocument } from '../../infra/documents/booking';
import type { MyData } from '../../miniprogram/shared/contract/privacy';
import { PersonalDataDoor } from '../../cloudfunctions/core/personalData';
import { ok, useTestRuntime } from '../support/runtime';
import { addTestDay, bookingPayload, daysFromToday } from './booking.support';
import { allowMessages, bindDeputy, cloud, database, placeStaff, opinionFor, uploadPhoto } from './helpers/cloud';
import { BEISHAN_STAFF, CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/** 王志强 (dp-003) receives at 临江 and 北山. */
const WANG = 'wx-wang-privacy';
/** An administrator of 江南区 only (placed in the store: the seed has one city administrator). */
const JIANGNAN_ADMIN = 'admin-jiangnan-privacy';

const t = useTestRuntime();
beforeAll(async () => {
  await bindDeputy(t, WANG, 'dp-003');
  await placeStaff(t, JIANGNAN_ADMIN, { role: 'admin', areaId: 'area-jiangnan' });
});

const CONTACT = { name: '李阿姨', phone: '13812345678' };

async function submit(openid: string, overrides = {}): Promise<string> {
  return ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-beishan' }, overrides), { openid })).opinionId;
}

async function auditOf(subjectId: string, openid = CITY_STAFF) {
  return ok(await t.call('privacy.listAuditLog', { subjectId }, { openid })).items;
}

describe('phones are masked for everyone not granted them', () => {
  test('without consent to be called, deputies and staff see 138****5678; each read of the name is audited, the deputy’s too', async () => {
    const opinionId = await submit('pv-resident-1', { contact: { ...CONTACT, mayContact: false } });
    expect(ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG })).contact).toEqual({ name: '李阿姨', phone: '138****5678', mayContact: false });
    expect(ok(await t.call('casework.get', { opinionId }, { openid: BEISHAN_STAFF })).contact).toEqual({ name: '李阿姨', phone: '138****5678', mayContact: false });
    const entries = await auditOf(opinionId);
    expect(entries).toHaveLength(2);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: '联络站工作人员', actorRole: 'station', action: 'casework.get', subjectId: opinionId, fields: ['name'], stationId: 'st-beishan' }),
        expect.objectContaining({
          actor: '代表 王志强',
          actorRole: 'deputy',
          actorName: '王志强',
          action: 'opinion.getForDeputy',
          subjectId: opinionId,
          fields: ['name'],
          stationId: 'st-beishan',
        }),
      ]),
    );
    // The log names readers by role and name, never by account id.
    expect(JSON.stringify(entries)).not.toContain(BEISHAN_STAFF);
    expect(JSON.stringify(entries)).not.toContain(WANG);
  });

  test('with consent the phone is shown in full, and the read is audited with the phone', async () => {
    const opinionId = await submit('pv-resident-2', { contact: { ...CONTACT, mayContact: true } });
    expect(ok(await t.call('casework.get', { opinionId }, { openid: CITY_STAFF })).contact?.phone).toBe('13812345678');
    const [entry] = await auditOf(opinionId);
    expect(entry).toMatchObject({ actor: '管理员', actorRole: 'admin', fields: ['name', 'phone'], at: expect.any(String) });
  });

  test('a case without contact leaves nothing in the log', async () => {
    const opinionId = await submit('pv-resident-3');
    ok(await t.call('casework.get', { opinionId }, { openid: BEISHAN_STAFF }));
    expect(await auditOf(opinionId)).toEqual([]);
  });

  test('station staff are granted the names and phones of their roster (they phone residents); each read is audited', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 20) });
    ok(await t.call('booking.book', bookingPayload(day), { openid: 'pv-booker-1' }));
    const roster = ok(await t.call('booking.getRoster', { dayId: day._id }, { openid: BEISHAN_STAFF }));
    expect(roster.entries[0]).toMatchObject({ name: '李阿姨', phone: '13812345678' });
    expect(await auditOf(day._id)).toEqual([expect.objectContaining({ actor: '联络站工作人员', action: 'booking.getRoster', fields: ['name', 'phone'] })]);
  });
});

describe('reads inside a transaction pass the same door', () => {
  /** What a transaction callback gets (the SDK types it loosely). */
  interface Transaction {
    collection(name: string): { doc(id: string): { get(): Promise<{ data: OpinionDocument }> } };
    commit(): Promise<unknown>;
  }

  test('a name and phone read in runTransaction or startTransaction and shown leave an entry; the door sees the transaction’s reads', async () => {
    const inRun = await submit('pv-resident-tx-1', { contact: { ...CONTACT, mayContact: true } });
    const inStarted = await submit('pv-resident-tx-2', { contact: { ...CONTACT, mayContact: true } });
    const now = t.clock.now();

    const runDoor = new PersonalDataDoor(database(t), BEISHAN_STAFF);
    const read = (await runDoor.db.runTransaction(
      async (transaction: Transaction) => (await transaction.collection(COLLECTIONS.opinions).doc(inRun).get()).data,
    )) as OpinionDocument;
    await runDoor.commit('test.readInTransaction', { contact: read.contact }, now);

    const startDoor = new PersonalDataDoor(database(t), BEISHAN_STAFF);
    const transaction = (await startDoor.db.startTransaction()) as unknown as Transaction;
    const started = (await transaction.collection(COLLECTIONS.opinions).doc(inStarted).get()).data;
    await transaction.commit();
    await startDoor.commit('test.readInTransaction', { contact: started.contact }, now);

    for (const opinionId of [inRun, inStarted]) {
      expect(await auditOf(opinionId)).toEqual([
        expect.objectContaining({ action: 'test.readInTransaction', actorRole: 'station', subjectId: opinionId, fields: ['name', 'phone'], stationId: 'st-beishan' }),
      ]);
    }
  });
});

describe('a deputy receiving a visitor sees their phone only if the visitor chose to share it', () => {
  test('masked by default, in full when shared at booking; staff see it in full; every read is audited with what it showed', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 26) });
    ok(await t.call('booking.setRoster', { dayId: day._id, deputyIds: ['dp-003'] }, { openid: BEISHAN_STAFF }));
    const kept = ok(await t.call('booking.book', bookingPayload(day, { name: '周阿姨', phone: '13811112222' }), { openid: 'pv-visitor-kept' })).booking;
    const shared = ok(
      await t.call('booking.book', bookingPayload(day, { name: '吴先生', phone: '13833334444', shareContactWithDeputies: true }), { openid: 'pv-visitor-shared' }),
    ).booking;

    expect(ok(await t.call('booking.getRecord', { bookingId: kept._id }, { openid: WANG })).visit).toMatchObject({ name: '周阿姨', phone: '138****2222' });
    expect(ok(await t.call('booking.getRecord', { bookingId: shared._id }, { openid: WANG })).visit).toMatchObject({ name: '吴先生', phone: '13833334444' });
    expect(ok(await t.call('booking.getRecord', { bookingId: kept._id }, { openid: BEISHAN_STAFF })).visit).toMatchObject({ phone: '13811112222' });

    const deputyReads = (await auditOf(day._id)).filter((entry) => entry.action === 'booking.getRecord' && entry.actorRole === 'deputy');
    expect(deputyReads.map((entry) => entry.fields).sort()).toEqual([['name'], ['name', 'phone']]);
    expect(deputyReads.every((entry) => entry.actorName === '王志强' && entry.stationId === 'st-beishan')).toBe(true);
  });
});

describe('the audit log is for administrators, within their area', () => {
  test('station staff, area staff, deputies and residents cannot read it', async () => {
    for (const openid of [BEISHAN_STAFF, JIANGNAN_STAFF, WANG, 'pv-resident-1']) {
      expect(await t.call('privacy.listAuditLog', {}, { openid })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await t.call('privacy.listAuditLog', {})).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });

  test('an administrator of 江南 sees nothing read at 北山 (江北)', async () => {
    const { items } = ok(await t.call('privacy.listAuditLog', {}, { openid: JIANGNAN_ADMIN }));
    expect(items.some((entry) => entry.stationId === 'st-beishan')).toBe(false);
    const city = ok(await t.call('privacy.listAuditLog', {}, { openid: CITY_STAFF }));
    expect(city.items.some((entry) => entry.stationId === 'st-beishan')).toBe(true);
  });
});

describe('a resident sees and exports their data', () => {
  test('the export holds their account, opinions with contact, bookings; the file says the same; others’ data is not in it', async () => {
    const photo = await uploadPhoto(t);
    ok(await t.call('account.updatePreferences', { fontScale: 'extraLarge' }, { openid: 'pv-exporter' }));
    await submit('pv-exporter', { photos: [photo], contact: { ...CONTACT, mayContact: true }, location: { latitude: 30.65, longitude: 114.28, address: '北山镇' } });
    await submit('pv-someone-else', { text: '这是别人的意见，不能出现在导出的文件里面。' });
    const day = await addTestDay(t, { date: daysFromToday(t, 21) });
    ok(await t.call('booking.book', bookingPayload(day, { name: '王先生', phone: '13900001111' }), { openid: 'pv-exporter' }));

    const { data, file } = ok(await t.call('privacy.exportMyData', {}, { openid: 'pv-exporter' }));
    expect(data.account).toMatchObject({ roles: ['resident'], preferences: { fontScale: 'extraLarge' } });
    expect(data.opinions).toHaveLength(1);
    expect(data.opinions[0]).toMatchObject({ contact: { name: '李阿姨', phone: '13812345678', mayContact: true }, photos: [photo], location: { address: '北山镇' } });
    expect(data.bookings).toEqual([expect.objectContaining({ name: '王先生', phone: '13900001111', date: daysFromToday(t, 21) })]);
    expect(JSON.stringify(data)).not.toContain('别人的意见');
    // No back-end identifiers: nothing to learn about how the data is keyed.
    expect(JSON.stringify(data)).not.toContain('pv-exporter');

    expect(file.name).toMatch(/^我的数据-\d{4}-\d{2}-\d{2}\.json$/);
    const downloaded = (await (await fetch(file.url)).json()) as MyData;
    expect(downloaded).toEqual(data);
  });

  test('the download link expires after ten minutes; the file is never served by its plain path', async () => {
    const exportedAt = t.clock.now();
    const { file } = ok(await t.call('privacy.exportMyData', {}, { openid: 'pv-exporter-2' }));
    // The runtime's clock runs on: ten minutes from the instant of the call.
    const lifetime = Date.parse(file.expiresAt) - exportedAt.getTime();
    expect(lifetime).toBeGreaterThanOrEqual(600_000);
    expect(lifetime).toBeLessThan(605_000);
    expect((await fetch(file.url)).status).toBe(200);
    const plain = new URL(file.url);
    expect((await fetch(`${plain.origin}${plain.pathname}`)).status).toBe(403);
    try {
      t.clock.set(new Date(Date.parse(file.expiresAt) + 1000));
      expect((await fetch(file.url)).status).toBe(403);
    } finally {
      t.clock.set(exportedAt);
    }
  });

  test('without WeChat identity there is nothing to export', async () => {
    expect(await t.call('privacy.exportMyData', {})).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });
});

describe('a resident deletes their account', () => {
  test('refused without confirmation, and while a booking is still ahead', async () => {
    const day = await addTestDay(t, { date: daysFromToday(t, 22) });
    const { booking } = ok(await t.call('booking.book', bookingPayload(day), { openid: 'pv-leaver-1' }));
    expect(await t.call('privacy.deleteAccount', { confirm: false }, { openid: 'pv-leaver-1' })).toMatchObject({ ok: false, code: 'PRIVACY.CONFIRM_REQUIRED' });
    expect(await t.call('privacy.deleteAccount', { confirm: true }, { openid: 'pv-leaver-1' })).toMatchObject({ ok: false, code: 'PRIVACY.ACTIVE_BOOKINGS' });
    ok(await t.call('booking.cancel', { bookingId: booking._id }, { openid: 'pv-leaver-1' }));
    expect(ok(await t.call('privacy.deleteAccount', { confirm: true }, { openid: 'pv-leaver-1' }))).toMatchObject({ bookings: 1 });
  });

  test('deputies and staff are refused (an administrator unbinds them first); no identity is refused', async () => {
    expect(await t.call('privacy.deleteAccount', { confirm: true }, { openid: WANG })).toMatchObject({ ok: false, code: 'PRIVACY.ROLE_BOUND' });
    expect(await t.call('privacy.deleteAccount', { confirm: true }, { openid: BEISHAN_STAFF })).toMatchObject({ ok: false, code: 'PRIVACY.ROLE_BOUND' });
    expect(await t.call('privacy.deleteAccount', { confirm: true })).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });

  test('identity and contact are erased, photos deleted, the anonymous case history stays; then they are a new resident', async () => {
    const leaver = 'pv-leaver-2';
    ok(await t.call('account.updatePreferences', { fontScale: 'extraLarge' }, { openid: leaver }));
    const photo = await uploadPhoto(t);
    const opinionId = await submit(leaver, { photos: [photo], contact: { ...CONTACT, mayContact: true }, location: { latitude: 30.65, longitude: 114.28 } });
    await allowMessages(t, leaver, 'lxq-booking-reminder');
    // Without an acceptance of the reply template, the reply waits in 我的消息.
    ok(await t.call('opinion.reply', { opinionId, text: '收到，我们会尽快处理。' }, { openid: WANG }));
    expect(ok(await t.call('account.countUnread', {}, { openid: leaver }))).toEqual({ unread: 1 });
    const day = await addTestDay(t, { date: daysFromToday(t, 23) });
    const { booking } = ok(await t.call('booking.book', bookingPayload(day), { openid: leaver }));
    ok(await t.call('booking.cancel', { bookingId: booking._id }, { openid: leaver }));
    const exports = [ok(await t.call('privacy.exportMyData', {}, { openid: leaver })).file, ok(await t.call('privacy.exportMyData', {}, { openid: leaver })).file];

    expect(ok(await t.call('privacy.deleteAccount', { confirm: true }, { openid: leaver }))).toEqual({
      opinions: 1,
      bookings: 1,
      receptionRecords: 0,
      photosDeleted: 1,
      exportsDeleted: 2,
      reviewRatings: 0,
    });
    // The export files are gone: their links, though not yet expired, answer nothing.
    for (const file of exports) {
      expect((await fetch(file.url)).status).toBe(404);
      const { fileList: urls } = await cloud(t).getTempFileURL({ fileList: [file.fileID] });
      expect(urls[0]?.code).toBe('STORAGE_FILE_NONEXIST');
    }

    const db = database(t);
    const stored = (await db.collection(COLLECTIONS.opinions).where({ _id: opinionId }).get()).data[0] as OpinionDocument;
    expect(stored).toMatchObject({ contact: null, location: null, photos: [], status: 'replied', category: 'transport', stationId: 'st-beishan' });
    expect(stored.authorOpenid).toMatch(/^anon-[0-9a-f]{24}$/);
    expect(stored.moderation.photos).toEqual([]);
    const storedBooking = (await db.collection(COLLECTIONS.bookings).where({ _id: booking._id }).get()).data[0] as BookingDocument;
    expect(storedBooking).toMatchObject({ name: '已注销用户', phone: '', activeKey: booking._id });
    // Nothing links the records to each other or back: each has its own random stand-in, and the request id
    // that with the OPENID made the opinion's id (sha256) is gone.
    expect(storedBooking.openid).toMatch(/^anon-[0-9a-f]{24}$/);
    expect(storedBooking.openid).not.toBe(stored.authorOpenid);
    expect(stored.clientRequestId).toBe('');
    expect((await db.collection(COLLECTIONS.accounts).where({ _id: leaver }).get()).data).toEqual([]);
    const { fileList } = await cloud(t).getTempFileURL({ fileList: [photo] });
    expect(fileList[0]?.code).not.toBe('SUCCESS');
    // Nothing in the store still names them.
    for (const name of [
      COLLECTIONS.opinions,
      COLLECTIONS.bookings,
      COLLECTIONS.accounts,
      COLLECTIONS.residentMessages,
      COLLECTIONS.subscriptionBudgets,
      COLLECTIONS.rateCounters,
      COLLECTIONS.privacyExports,
    ]) {
      const { data } = await db.collection(name).limit(1000).get();
      expect(JSON.stringify(data)).not.toContain(leaver);
    }

    // The same WeChat user comes back as a new resident with nothing behind them.
    expect(ok(await t.call('account.getProfile', {}, { openid: leaver }))).toMatchObject({ roles: ['resident'], preferences: { fontScale: 'large' } });
    expect(ok(await t.call('opinion.listMine', {}, { openid: leaver })).items).toEqual([]);
    expect(await t.call('opinion.getMine', { opinionId }, { openid: leaver })).toMatchObject({ ok: false, code: 'OPINION.NOT_FOUND' });
    expect(ok(await t.call('booking.listMine', {}, { openid: leaver }))).toEqual({ upcoming: [], past: [] });
    expect(ok(await t.call('privacy.exportMyData', {}, { openid: leaver })).data).toMatchObject({ account: null, opinions: [], bookings: [] });
    // The deputy still has the case, without the contact.
    expect(ok(await t.call('opinion.getForDeputy', { opinionId }, { openid: WANG }))).toMatchObject({ contact: null, photos: [] });
  });
});
