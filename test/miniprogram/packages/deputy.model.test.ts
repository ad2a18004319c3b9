import type { DeputyOpinionView, InboxItem } from '../../../miniprogram/shared/contract/opinion';
import { inboxItemView } from '../../../miniprogram/packages/deputy/inbox/model';
import { contactView, MESSAGES, toOpinionForDeputyView, writtenTextError } from '../../../miniprogram/packages/deputy/opinion/model';
import { codeGroups } from '../../../miniprogram/packages/staff/codes/model';

const inboxItem = (fields: Partial<InboxItem>): InboxItem => ({
  opinionId: 'op-1',
  trackingNo: 'LJ01-261120-001',
  category: 'health',
  categoryLabel: '医疗卫生',
  excerpt: '卫生站周末不开门',
  addressedTo: 'me',
  stationName: '临江街道人大代表联络站',
  status: 'received',
  statusLabel: '已提交',
  createdAt: '2026-11-20T02:00:00.000Z',
  waitedHours: 75,
  photoCount: 0,
  ...fields,
});

/** The same opinion opened by the deputy: its text in full, and what only the opened view holds. */
const openedOpinion = (fields: Partial<DeputyOpinionView>): DeputyOpinionView => {
  const { excerpt, photoCount: _photoCount, ...listed } = inboxItem({ waitedHours: 30 });
  return { ...listed, text: excerpt, photos: [], contact: null, flaggedForReview: false, rating: null, timeline: [], ...fields };
};

describe('代表工作台 model', () => {
  it('says how long a resident has waited, in red after three days', () => {
    expect(inboxItemView(inboxItem({}))).toMatchObject({ waitedLabel: '已等待 3天', overdue: true, addressedLabel: '写给您', photoLabel: '' });
    expect(inboxItemView(inboxItem({ waitedHours: 5, photoCount: 2 }))).toMatchObject({ waitedLabel: '已等待 5小时', overdue: false, photoLabel: '附2张照片' });
    expect(inboxItemView(inboxItem({ addressedTo: 'station' })).addressedLabel).toBe('写给联络站：临江街道人大代表联络站');
  });

  it('says how long a handled opinion took, never overdue', () => {
    expect(inboxItemView(inboxItem({ status: 'replied', statusLabel: '代表已回复', waitedHours: 80 }))).toMatchObject({ waitedLabel: '用时 3天', overdue: false });
  });
});

describe('居民意见 model (deputy side)', () => {
  it('lets the deputy call only a resident who agreed, with a full number', () => {
    expect(contactView({ name: '李阿姨', phone: '13812345678', mayContact: true })).toEqual({ name: '李阿姨', phone: '13812345678', canCall: true, note: '居民同意您打电话联系' });
    expect(contactView({ phone: '139****1111', mayContact: false })).toMatchObject({
      phone: '139****1111',
      canCall: false,
      note: '居民没有同意电话联系，号码已隐藏，请在这里回复',
    });
    expect(contactView(null)).toMatchObject({ canCall: false, note: '居民没有留下联系方式，请在这里回复' });
  });

  it('checks a reply and a forwarding note as the server does', () => {
    expect(writtenTextError('好的', 5, 1000, MESSAGES.replyShort, MESSAGES.replyLong)).toBe('回复请至少写5个字');
    expect(writtenTextError('已经转给街道', 5, 1000, MESSAGES.replyShort, MESSAGES.replyLong)).toBe('');
    expect(writtenTextError('办', 2, 500, MESSAGES.noteShort, MESSAGES.noteLong)).toBe('请写明需要交办的事项（至少2个字）');
  });

  it('shows internal notes to the deputy, marked, newest first', () => {
    const opinion = openedOpinion({
      status: 'forwarded',
      statusLabel: '已转交办理',
      timeline: [
        { type: 'received', label: '意见已提交，等待代表查看', at: '2026-11-20T02:00:00.000Z', actorRole: 'resident', public: true },
        {
          type: 'forwarded',
          label: '代表已转交人大常委会工作机构办理',
          at: '2026-11-21T08:00:00.000Z',
          actorRole: 'deputy',
          actorName: '陈建华',
          internalNote: '请卫健局研究',
          public: true,
        },
      ],
    });
    const view = toOpinionForDeputyView(opinion);
    expect(view).toMatchObject({ awaiting: false, waitedLabel: '用时 1天', statusTheme: 'warning' });
    expect(view.timeline.map((item) => item.note)).toEqual(['（内部说明）请卫健局研究', '']);
    expect(view).toMatchObject({ followingNote: expect.stringContaining('跟踪办理进展'), ratingLabel: '' });
  });

  it('shows the resident’s rating once given; a case still awaiting the deputy has no following note', () => {
    const base = openedOpinion({
      opinionId: 'op-2',
      trackingNo: 'LJ01-261120-002',
      addressedTo: 'station',
      status: 'closed',
      statusLabel: '已办结',
      rating: { value: 'basicallySatisfied', label: '基本满意', comment: '希望以后快一点', at: '2026-11-25T02:00:00.000Z' },
    });
    expect(toOpinionForDeputyView(base)).toMatchObject({ awaiting: false, ratingLabel: '基本满意：希望以后快一点' });
    expect(toOpinionForDeputyView({ ...base, rating: { value: 'none', label: '未评价', at: '2026-11-25T02:00:00.000Z' } }).ratingLabel).toBe('未评价');
    expect(toOpinionForDeputyView({ ...base, status: 'received', statusLabel: '已提交', rating: null })).toMatchObject({ awaiting: true, followingNote: '', ratingLabel: '' });
  });
});

describe('工作人员 model', () => {
  it('shows a binding code in two groups of four', () => {
    expect(codeGroups('ABCD2345')).toEqual(['ABCD', '2345']);
    expect(codeGroups('abcd-2345')).toEqual(['ABCD', '2345']);
  });
});
