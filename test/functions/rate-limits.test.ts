import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RATE_GROUPS } from '../../miniprogram/shared/rateLimits';
import { browserSecret, ConsoleClient } from '../support/consoleClient';
import { ok, useTestRuntime } from '../support/runtime';
import { opinionFor } from './helpers/cloud';

const t = useTestRuntime({ frozen: true, rateLimits: 'declared' });

function filesUnder(dir: string, name: RegExp): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, name));
    else if (name.test(entry)) found.push(path);
  }
  return found;
}

describe('limits hold against concurrent calls, and say when to try again', () => {
  test('50 opinions sent at once by one resident: exactly 5 are admitted, the rest are told to wait', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => t.call('opinion.submit', opinionFor({ stationId: 'st-beishan' }), { openid: 'rl-flood' })));
    expect(answers.filter((a) => a.ok)).toHaveLength(RATE_GROUPS.opinion.windows[0].max);
    const refused = answers.filter((a) => !a.ok);
    expect(refused).toHaveLength(45);
    for (const answer of refused) {
      expect(answer).toMatchObject({ ok: false, code: 'OPINION.RATE_LIMITED' });
      // Frozen at 09:00 Shanghai: the hour's window ends in an hour.
      expect(answer.ok ? '' : answer.message).toBe('提交太频繁了（每小时最多5条、每天最多20条），请在 1 小时后再试，填写的内容已为您保留');
    }
    // Another resident is not held up by the flood.
    expect(ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-beishan' }), { openid: 'rl-other' })).trackingNo).toBeTruthy();
  });

  test('30 data exports asked for at once make at most the limit of files', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => t.call('privacy.exportMyData', {}, { openid: 'rl-exporter' })));
    const limit = RATE_GROUPS.export.windows[0].max;
    expect(answers.filter((a) => a.ok)).toHaveLength(limit);
    for (const answer of answers.filter((a) => !a.ok)) expect(answer).toEqual({ ok: false, code: 'COMMON.RATE_LIMITED', message: '操作太频繁，请在 1 小时后再试' });
    expect(filesUnder(t.runtime.config.dataDir, /^my-data-/)).toHaveLength(limit);
  });

  test('every write is limited per caller and ten minutes; the next ten minutes admit again', async () => {
    const limit = RATE_GROUPS.write.windows[0].max;
    const answers = await Promise.all(
      Array.from({ length: limit + 10 }, (_, i) => t.call('account.updatePreferences', { fontScale: i % 2 ? 'large' : 'standard' }, { openid: 'rl-writer' })),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(limit);
    expect(answers.find((a) => !a.ok)).toEqual({ ok: false, code: 'COMMON.RATE_LIMITED', message: '操作太频繁，请在 10 分钟后再试' });
    t.clock.advance(10 * 60_000);
    expect(await t.call('account.updatePreferences', { fontScale: 'large' }, { openid: 'rl-writer' })).toMatchObject({ ok: true });
  });

  test('console sign-in codes asked for without an identity are counted per address', async () => {
    const limit = RATE_GROUPS.signIn.windows[0].max;
    const browser = new ConsoleClient(t.runtime.url);
    const answers = [];
    for (let i = 0; i < limit + 1; i += 1) answers.push(await browser.call('console.openTicket', { proof: browserSecret().proof }));
    expect(answers.slice(0, limit).every((a) => a.ok)).toBe(true);
    expect(answers[limit]).toEqual({ ok: false, code: 'COMMON.RATE_LIMITED', message: '操作太频繁，请在 10 分钟后再试' });
  }, 180_000);
});
