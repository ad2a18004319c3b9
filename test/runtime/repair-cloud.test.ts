import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { COLLECTIONS } from '../../infra/database';
import { repairTarget } from '../../runtime/repair/target';
import { database } from '../functions/helpers/cloud';
import { runtimeAdminUrl, useTestRuntime } from '../support/runtime';

const ROOT = join(__dirname, '..', '..');

/** Runs `npm run repair-counters` the way an operator does, with the given arguments and settings. */
function repairCounters(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'runtime', 'repair', 'cli.ts'), 'counters', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => done({ code, out }));
  });
}

describe('repair-counters on a CloudBase environment (--cloud)', () => {
  it('stays on the local store without --cloud', () => {
    expect(repairTarget(['--write'], {})).toEqual({ kind: 'local' });
  });

  it('names, in Chinese and English, each setting it lacks or cannot use', () => {
    const target = repairTarget(['--cloud'], { ENV_ID: 'Not An Id', TENCENTCLOUD_SECRETID: 'AKID' });
    expect(target.kind).toBe('invalid');
    const problems = target.kind === 'invalid' ? target.problems.join('\n') : '';
    expect(problems).toContain('ENV_ID="Not An Id": 无效 云开发环境 ID');
    expect(problems).toContain('TENCENTCLOUD_SECRETKEY: 缺少 腾讯云 API 密钥 SecretKey');
    expect(problems).not.toContain('TENCENTCLOUD_SECRETID');
  });

  it('takes the environment and API key the deploy uses', () => {
    expect(repairTarget(['--cloud'], { ENV_ID: 'lxq-prod-1a2b', TENCENTCLOUD_SECRETID: 'AKID', TENCENTCLOUD_SECRETKEY: 'key', TENCENTCLOUD_SESSIONTOKEN: '' })).toEqual({
      kind: 'cloud',
      envId: 'lxq-prod-1a2b',
      secretId: 'AKID',
      secretKey: 'key',
    });
  });

  describe('against an environment', () => {
    const t = useTestRuntime({ seed: false });

    it('refuses to start without the settings', async () => {
      const { code, out } = await repairCounters(['--cloud'], { ENV_ID: '', TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '' });
      expect(code).toBe(2);
      expect(out).toContain('ENV_ID: 缺少');
    });

    it('lists a counter no case accounts for, rewrites it with --write, and then finds nothing', async () => {
      const db = database(t);
      await db
        .collection(COLLECTIONS.caseCounters)
        .add({ _id: 'station:st-gone|2026-11', key: 'station:st-gone', month: '2026-11', total: { collected: 3 }, days: { d02: { collected: 3 } } });
      // The SDK is pointed at this runtime the way a function host points it (the signature is not checked here; CloudBase checks it).
      const settings = {
        ENV_ID: t.runtime.config.envId,
        TENCENTCLOUD_SECRETID: 'AKIDexample',
        TENCENTCLOUD_SECRETKEY: 'example-key',
        TCB_CONTEXT_CNFG: JSON.stringify({ URL: runtimeAdminUrl(t.runtime.url) }),
        TENCENTCLOUD_RUNENV: 'SCF',
      };
      const dry = await repairCounters(['--cloud'], settings);
      expect(dry.out).toContain('recounted 0 cases into 0 counter documents; 1 differed');
      expect(dry.out).toContain('station:st-gone|2026-11');
      expect(dry.code).toBe(1);
      expect((await repairCounters(['--cloud', '--write'], settings)).out).toContain('1 differed and were rewritten');
      expect((await db.collection(COLLECTIONS.caseCounters).where({ key: 'station:st-gone' }).get()).data).toEqual([]);
      const again = await repairCounters(['--cloud'], settings);
      expect(again.out).toContain('0 differed');
      expect(again.code).toBe(0);
    });
  });
});
