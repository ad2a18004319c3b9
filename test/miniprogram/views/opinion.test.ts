import { durationLabel, statusTheme, timelineItems, trackingGroups } from '../../../miniprogram/views/opinion';
import { formatDate, formatDateTime } from '../../../miniprogram/utils/date';

describe('opinions as residents and deputies read them', () => {
  it('reads a tracking number out in its groups', () => {
    expect(trackingGroups('LJ01-261123-007')).toEqual(['LJ01', '261123', '007']);
  });

  it('says how long in the unit a person would use', () => {
    expect(durationLabel(0)).toBe('不到1小时');
    expect(durationLabel(5)).toBe('5小时');
    expect(durationLabel(23)).toBe('23小时');
    expect(durationLabel(24)).toBe('1天');
    expect(durationLabel(75)).toBe('3天');
  });

  it('colours a status, and an unknown one neutrally', () => {
    expect(statusTheme('replied')).toBe('success');
    expect(statusTheme('received')).toBe('default');
    expect(statusTheme('assigned')).toBe('primary');
    expect(statusTheme('aStatusFromANewerServer')).toBe('default');
  });

  it('shows the timeline newest first, in Shanghai time', () => {
    const items = timelineItems([
      { type: 'received', label: '意见已提交，等待代表查看', at: '2026-11-23T02:00:00.000Z' },
      { type: 'read', label: '代表已阅读您的意见', at: '2026-11-23T05:30:00.000Z', actorName: '陈建华' },
      { type: 'replied', label: '代表已回复', at: '2026-11-24T01:05:00.000Z', actorName: '陈建华', note: '已联系街道。' },
    ]);
    expect(items.map((item) => [item.label, item.time, item.note])).toEqual([
      ['代表已回复', '2026年11月24日 09:05', '已联系街道。'],
      ['代表已阅读您的意见', '2026年11月23日 13:30', ''],
      ['意见已提交，等待代表查看', '2026年11月23日 10:00', ''],
    ]);
  });

  it('formats instants on the Shanghai calendar whatever the phone’s zone', () => {
    expect(formatDateTime('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日 00:30');
    expect(formatDate('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
