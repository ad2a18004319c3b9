import { receivedCase } from './seededCase';
import { COLLECTIONS } from '../../infra/database';
import { BINDING_CODE_VALID_DAYS } from '../../miniprogram/shared/domain/bindingCode';
import { DEFAULT_CASE_DEADLINES } from '../../miniprogram/shared/domain/caseDeadlines';
import { planReply, type CaseChange } from '../../miniprogram/shared/domain/casework';
import type { OpinionEvent } from '../../miniprogram/shared/domain/opinion';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import type { BindingCodeDocument } from '../../cloudfunctions/core/bindingCodes';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { dailyCounterId } from '../../cloudfunctions/core/trackingSequence';
import { packageCalendar } from '../../cloudfunctions/core/workingCalendar';
import { DEMO_DEPUTIES, DEMO_RESIDENT_OPENID, DEMO_STAFF_ACCOUNTS, DEMO_STATIONS } from './demoData';

/**
 * Demo data for the opinion flow: a binding code that makes any WeChat identity 陈建华 (dp-001),
 * and a few opinions so that deputy's inbox and the demo resident's 我的意见 are not empty.
 */

/** Printed by `npm start`. Works once; delete the data folder (or issue a new one) to demo again. */
export const DEMO_BINDING_CODE = 'DEPUTY26';
export const DEMO_BOUND_DEPUTY_ID = 'dp-001';
export const DEMO_OTHER_RESIDENT_OPENID = 'demo-resident-002';

const HOUR_MS = 3_600_000;

function demoBindingCode(now: Date): BindingCodeDocument {
  // A demo store lives longer than a real code: this one lasts a year (real ones BINDING_CODE_VALID_DAYS).
  const days = Math.max(365, BINDING_CODE_VALID_DAYS);
  return {
    _id: DEMO_BINDING_CODE,
    code: DEMO_BINDING_CODE,
    deputyId: DEMO_BOUND_DEPUTY_ID,
    issuedBy: DEMO_STAFF_ACCOUNTS[0]._id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + days * 24 * HOUR_MS),
    usedAt: null,
    usedBy: null,
    revokedAt: null,
  };
}

interface DemoOpinion {
  id: string;
  author: string;
  deputyId: string | null;
  stationId: string;
  hoursAgo: number;
  category: OpinionDocument['category'];
  text: string;
  contact: OpinionDocument['contact'];
  reply?: { hoursAgo: number; text: string };
}

const OPINIONS: DemoOpinion[] = [
  {
    id: 'op-demo-001',
    author: DEMO_RESIDENT_OPENID,
    deputyId: 'dp-001',
    stationId: 'st-linjiang',
    hoursAgo: 75,
    category: 'health',
    text: '和平社区卫生服务站周末不开门，老人周末头疼发热只能跑到市里大医院，希望能安排周末半天门诊。',
    contact: { name: '李阿姨', phone: '13812345678', mayContact: true },
  },
  {
    id: 'op-demo-002',
    author: DEMO_OTHER_RESIDENT_OPENID,
    deputyId: null,
    stationId: 'st-linjiang',
    hoursAgo: 28,
    category: 'transport',
    text: '和平路与江滨大道路口早高峰红灯时间太长，行人过街的绿灯只有15秒，老人和孩子过不去，建议延长。',
    contact: { phone: '13900001111', mayContact: false },
  },
  {
    id: 'op-demo-003',
    author: DEMO_RESIDENT_OPENID,
    deputyId: null,
    stationId: 'st-linjiang',
    hoursAgo: 120,
    category: 'elderlyCare',
    text: '社区老年食堂的菜价能不能公示一下？希望每周的菜单也能贴在门口，方便老人提前安排。',
    contact: null,
    reply: { hoursAgo: 96, text: '您好，已与社区沟通，下周起老年食堂每周一在门口公示菜单和价格，感谢您的建议。' },
  },
];

function demoOpinion(seed: DemoOpinion, now: Date, sequence: number): OpinionDocument {
  const station = DEMO_STATIONS.find((s) => s._id === seed.stationId);
  const deputy = DEMO_DEPUTIES.find((d) => d._id === seed.deputyId);
  const replier = DEMO_DEPUTIES.find((d) => d._id === DEMO_BOUND_DEPUTY_ID);
  if (!station || !replier) throw new Error(`demo opinion ${seed.id}: unknown station or deputy`);
  const createdAt = new Date(now.getTime() - seed.hoursAgo * HOUR_MS);
  const timeline: OpinionEvent[] = [{ type: 'received', at: createdAt, actorRole: 'resident', public: true }];
  const replyAt = seed.reply ? new Date(now.getTime() - seed.reply.hoursAgo * HOUR_MS) : null;
  if (seed.reply && replyAt) {
    timeline.push({ type: 'read', at: new Date(replyAt.getTime() - HOUR_MS), actorRole: 'deputy', actorName: replier.name, public: true });
    timeline.push({ type: 'replied', at: replyAt, actorRole: 'deputy', actorName: replier.name, note: seed.reply.text, public: true });
  }
  // Stored as opinion.submit stores it; a reply ends the accept clock and opens the rating window.
  const env = { deadlines: DEFAULT_CASE_DEADLINES, calendar: packageCalendar };
  const received = receivedCase(seed, { deputy: deputy ?? null, station }, createdAt, sequence);
  const replied =
    seed.reply && replyAt
      ? (planReply({ ...received, status: 'read', statusChangedAt: replyAt }, { text: seed.reply.text }, { ...env, now: replyAt }, { role: 'deputy' }) as CaseChange).set
      : {};
  return {
    ...received,
    ...replied,
    status: seed.reply ? 'replied' : 'received',
    statusChangedAt: replyAt ?? createdAt,
    timeline,
    reply: seed.reply && replyAt ? { text: seed.reply.text, at: replyAt, deputyId: replier._id, deputyName: replier.name } : null,
    updatedAt: replyAt ?? createdAt,
  };
}

/** The demo opinions with their daily sequence numbers, and the counters that continue them. */
function demoOpinions(now: Date): { opinions: OpinionDocument[]; counters: Array<{ _id: string; value: number }> } {
  const taken = new Map<string, number>();
  const opinions = OPINIONS.map((seed) => {
    const station = DEMO_STATIONS.find((s) => s._id === seed.stationId);
    const counterId = dailyCounterId(station?.code ?? '', shanghaiDate(new Date(now.getTime() - seed.hoursAgo * HOUR_MS)));
    const sequence = (taken.get(counterId) ?? 0) + 1;
    taken.set(counterId, sequence);
    return demoOpinion(seed, now, sequence);
  });
  return { opinions, counters: [...taken].map(([_id, value]) => ({ _id, value })) };
}

/** What the seed writes for the opinion flow, collection by collection. */
export function demoOpinionBatches(now: Date): Array<[string, object[]]> {
  const { opinions, counters } = demoOpinions(now);
  return [
    [COLLECTIONS.bindingCodes, [demoBindingCode(now)]],
    [COLLECTIONS.opinions, opinions],
    [COLLECTIONS.counters, counters],
  ];
}
