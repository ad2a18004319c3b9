import { createHash } from 'node:crypto';
import { DATABASE } from '../../infra/database';
import type { ActionName, PayloadOf } from '../../miniprogram/shared/contract';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { ok, useTestRuntime } from '../support/runtime';
import { database } from './helpers/cloud';
import { bindDeputies, DEPUTIES } from './helpers/suggestions';
import { CITY, openRound } from './helpers/projects';

/**
 * Ballot secrecy: after three deputies cast three different ballots, try every way in — every
 * action of the project function as every role, every document of every collection, everything
 * logged while they voted — to find which deputy cast which ballot. None may tell.
 */
let deputies: Awaited<ReturnType<typeof bindDeputies>>;
let roundId: string;
let candidateIds: string[];
let logged: string[];
const BALLOTS: Record<'liu' | 'zhao' | 'zhang', number[]> = { liu: [0, 1], zhao: [2], zhang: [1, 3] };

const t = useTestRuntime({ at: shanghaiInstant('2026-11-18', '10:00'), frozen: true });
beforeAll(async () => {
  deputies = await bindDeputies(t, 'secret');
  roundId = await openRound(t, { minChoices: 1, maxChoices: 2 });
  candidateIds = [];
  for (const title of ['老旧小区加装电梯', '城区公厕改造提升', '社区食堂建设', '背街小巷路灯亮化']) {
    const fields = { roundId, title, description: '根据群众建议在城区统筹实施，年内完成建设并投入使用。', place: '临江市城区', cost: 100, unitId: 'dept-jn-zhujian' };
    candidateIds.push(ok(await t.call('project.addCandidate', fields, { openid: CITY })).candidate.candidateId);
  }
  ok(await t.call('project.publishCandidates', { roundId }, { openid: CITY }));
  t.clock.set(shanghaiInstant('2026-12-10', '09:30'));

  logged = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    }),
  );
  for (const [who, picks] of Object.entries(BALLOTS)) {
    const choices = picks.map((i) => candidateIds[i] ?? '');
    ok(await t.call('project.vote', { roundId, choices }, { openid: deputies[who as keyof typeof BALLOTS] }));
  }
  for (const spy of spies) spy.mockRestore();
}, 120_000);

/** Everything that names a voter: deputy ids, their openids, their names, and common hashes of each. */
function voterTraces(): string[] {
  const raw = Object.keys(BALLOTS).flatMap((who) => [DEPUTIES[who as keyof typeof DEPUTIES], deputies[who as keyof typeof deputies]]);
  const hashes = raw.flatMap((value) => ['md5', 'sha1', 'sha256'].map((algorithm) => createHash(algorithm).update(value).digest('hex')));
  return [...raw, ...hashes, ...hashes.map((h) => h.slice(0, 32)), '刘德明', '赵红梅', '张丽'];
}

/** Whether a text holds a voter trace and a ballot's exact choices together. */
function linksABallot(text: string): boolean {
  const ballots = Object.values(BALLOTS).map((picks) => picks.map((i) => candidateIds[i] ?? ''));
  const namesBallot = ballots.some((choices) => choices.every((id) => text.includes(id)));
  return namesBallot && voterTraces().some((trace) => text.includes(trace));
}

test('the box holds the marks and the ballots apart, and a ballot is its choices only', async () => {
  const { data } = await database(t).collection('project_ballot_boxes').where({ _id: roundId }).get();
  const box = data[0] as { voted: string[]; ballots: Array<Record<string, unknown>> } & Record<string, unknown>;
  expect(Object.keys(box).sort()).toEqual(['_id', 'ballots', 'roundId', 'voted']);
  expect([...box.voted].sort()).toEqual([DEPUTIES.liu, DEPUTIES.zhang, DEPUTIES.zhao].sort());
  expect(box.ballots).toHaveLength(3);
  for (const ballot of box.ballots) {
    expect(Object.keys(ballot)).toEqual(['choices']);
    expect(JSON.stringify(ballot)).not.toMatch(/\d{4}-\d{2}-\d{2}|\$date/);
    expect(voterTraces().some((trace) => JSON.stringify(ballot).includes(trace))).toBe(false);
  }
  // The choices are stored sorted, not in the order the deputy picked them.
  for (const ballot of box.ballots) expect(ballot.choices).toEqual([...(ballot.choices as string[])].sort());
});

test('no other document in the database pairs a voter with a ballot', async () => {
  const db = database(t);
  for (const { name } of DATABASE) {
    if (name === 'project_ballot_boxes') continue;
    const { total } = await db.collection(name).count();
    for (let offset = 0; offset < total; offset += 1000) {
      const { data } = await db.collection(name).skip(offset).limit(1000).get();
      for (const doc of data) expect({ collection: name, links: linksABallot(JSON.stringify(doc)) }).toEqual({ collection: name, links: false });
    }
  }
});

test('nothing logged while deputies voted names their choices', () => {
  expect(logged.filter((line) => candidateIds.some((id) => line.includes(id)))).toEqual([]);
});

test('no action, as any role, before or after the count, tells how a deputy voted', async () => {
  const callers: Array<string | undefined> = [undefined, CITY, 'demo-staff-jiangnan', 'demo-handler-jn-zhujian', 'secret-resident', ...Object.values(deputies)];
  const reads: Array<[ActionName, unknown]> = [
    ['project.listRounds', {}],
    ['project.getRound', { roundId }],
    ['project.listProposals', { roundId }],
    ...candidateIds.map((candidateId): [ActionName, unknown] => ['project.getCandidate', { candidateId }]),
  ];
  const answers = async () => {
    const texts: string[] = [];
    for (const openid of callers)
      for (const [action, payload] of reads) texts.push(JSON.stringify(await t.call(action, payload as PayloadOf<typeof action>, openid ? { openid } : {})));
    return texts;
  };
  // During the window: not even counts.
  for (const text of await answers()) {
    expect(linksABallot(text)).toBe(false);
    expect(text).not.toMatch(/"votes":\d/);
  }
  // After the count: counts per candidate only (the published result), never per deputy.
  t.clock.set(shanghaiInstant('2026-12-10', '12:00'));
  const after = await answers();
  for (const text of after) expect(linksABallot(text)).toBe(false);
  const round = ok(await t.call('project.getRound', { roundId }, { openid: CITY }));
  expect(round.candidates.map((c) => c.votes)).toEqual([1, 2, 1, 1]);
  // A deputy learns only that they voted.
  expect(ok(await t.call('project.getRound', { roundId }, { openid: deputies.liu })).me).toEqual({ eligible: true, voted: true });
});
