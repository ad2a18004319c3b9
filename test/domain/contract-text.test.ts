import { API } from '../../miniprogram/shared/contract';

/** Right-to-left override, isolates, a NUL, a bell, an escape and a C1 control: all invisible, all spoofing material. */
const HIDDEN = '\u202e\u2066\u0000\u0007\u001b\u0085\u200f';

describe('text people type is stored without invisible controls or direction overrides', () => {
  test('a name with a right-to-left override and control characters is cleaned before it is checked', () => {
    const parsed = API['booking.book'].payload.parse({
      dayId: 'rd-1',
      slotId: '0900',
      topic: `电梯${HIDDEN}维修\n进展`,
      name: `${HIDDEN}李\u202e阿姨\t`,
      phone: '13812345678',
      clientRequestId: 'req-12345678',
    }) as { name: string; topic: string };
    expect(parsed.name).toBe('李阿姨');
    expect(parsed.topic).toBe('电梯维修 进展');
  });

  test('an opinion keeps its line breaks but loses overrides and controls', () => {
    const parsed = API['opinion.submit'].payload.parse({
      clientRequestId: 'req-12345678',
      target: { stationId: 'st-nanhu' },
      category: 'other',
      text: `小区门口\r\n路灯${HIDDEN}坏了三个月`,
      contact: { name: `王\u202e先生`, mayContact: false },
    }) as { text: string; contact: { name: string } };
    expect(parsed.text).toBe('小区门口\n路灯坏了三个月');
    expect(parsed.contact.name).toBe('王先生');
  });

  test('a name made only of invisible characters is empty, and refused as such', () => {
    const answer = API['booking.book'].payload.safeParse({
      dayId: 'rd-1',
      slotId: '0900',
      topic: '电梯',
      name: HIDDEN,
      phone: '13812345678',
      clientRequestId: 'req-12345678',
    });
    expect(answer.success).toBe(false);
  });

  test('staff notes, replies and reception items are cleaned the same way', () => {
    const reject = API['moderation.reject'].payload.parse({ opinionId: 'op-1', note: `含有\u202e个人信息` }) as { note: string };
    expect(reject.note).toBe('含有个人信息');
    const record = API['booking.recordReception'].payload.parse({ bookingId: 'bk-1', deputyIds: [], items: [{ text: `路灯\u0000坏了`, toOpinion: false }] }) as {
      items: Array<{ text: string }>;
    };
    expect(record.items[0]?.text).toBe('路灯坏了');
  });
});
