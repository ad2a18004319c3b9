import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS, DATABASE } from '../../infra/database';
import { functionNames } from '../../scripts/build';
import { fakeCloudBaseDatabase } from '../support/cloudbaseDatabase';
import { deploy, type CloudBaseTool, type DeployIo } from '../../scripts/deploy';
import type { WeChatAdmin } from '../../scripts/deploy/wechat';
import { useTestRuntime } from '../support/runtime';

/**
 * The deploy against a recording stand-in for @cloudbase/manager-node and WeChat's server API.
 * `npm test` builds the functions first; the deploy reads build/cloudfunctions as it would for real.
 */
const ROOT = join(__dirname, '..', '..');
/** The environment's data: the local runtime with the demo, as node-sdk reaches it. */
const t = useTestRuntime();
const environmentDatabase = () => tcb.init({ env: t.runtime.config.envId }).database();
const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
  functions: Array<{ name: string; timeout: number; memorySize: number; envVariables?: Record<string, string> }>;
};
const configOf = (name: string) => {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'cloudfunctions', name, 'config.json'), 'utf8')) as {
      triggers?: Array<{ name: string; type: string; config: string }>;
      permissions?: { openapi?: string[] };
    };
  } catch {
    return {};
  }
};

const SETTINGS = {
  ENV_ID: 'lianxinqiao-prod-1a2b',
  WX_APPID: 'wx0123456789abcdef',
  OPINION_REPLY_TEMPLATE_ID: 'tpl-opinion-replied-xyz',
  BOOKING_REMINDER_TEMPLATE_ID: 'tpl-reminder',
  BOOKING_PROMOTED_TEMPLATE_ID: 'tpl-promoted',
  BOOKING_DAY_CANCELLED_TEMPLATE_ID: 'tpl-day-cancelled',
  CASE_URGE_TEMPLATE_ID: 'tpl-urge',
  CASE_ANSWER_TEMPLATE_ID: 'tpl-answer',
  CASE_FOLLOW_UP_TEMPLATE_ID: 'tpl-follow-up',
  SUGGESTION_DEPUTY_TEMPLATE_ID: 'tpl-suggestion-deputy',
  SUGGESTION_UNIT_TEMPLATE_ID: 'tpl-suggestion-unit',
  SUGGESTION_RESIDENT_TEMPLATE_ID: 'tpl-suggestion-resident',
  PROJECT_MILESTONE_TEMPLATE_ID: 'tpl-project-milestone',
};
const KEYS = { TENCENTCLOUD_SECRETID: 'AKIDexample0000', TENCENTCLOUD_SECRETKEY: 'secretkey-example-0000' };
const APPSECRET = { WX_APPSECRET: '0123456789abcdef0123456789abcdef' };

interface DeployedFunction {
  func: Record<string, unknown>;
  triggers: Array<{ name: string; type: string; config: string }>;
}

/** CloudBase and WeChat as the deploy sees them, remembering every call. */
function recordingCloud() {
  const functions = new Map<string, DeployedFunction>();
  const granted = new Map<string, string[]>();
  const calls: string[] = [];
  const database = fakeCloudBaseDatabase(calls);

  const tool: CloudBaseTool = {
    functions: {
      async getFunctionDetail(name) {
        const fn = functions.get(name);
        if (!fn) throw Object.assign(new Error(`function ${name} not found`), { code: 'ResourceNotFound.Function' });
        const vars = fn.func.envVariables as Record<string, string>;
        return {
          Runtime: fn.func.runtime as string,
          MemorySize: fn.func.memorySize as number,
          Timeout: fn.func.timeout as number,
          InstallDependency: fn.func.installDependency ? 'TRUE' : 'FALSE',
          Environment: { Variables: Object.entries(vars).map(([Key, Value]) => ({ Key, Value })) },
          Triggers: fn.triggers.map((t) => ({ TriggerName: t.name, Type: t.type, TriggerDesc: t.config })),
        };
      },
      async createFunction({ func, functionRootPath, force }) {
        const name = String(func.name);
        calls.push(`createFunction ${name}`);
        expect(force).toBe(true);
        expect(functionRootPath).toBe(join(ROOT, 'build', 'cloudfunctions'));
        const before = functions.get(name);
        const triggers = [...(before?.triggers ?? [])];
        for (const trigger of func.triggers as DeployedFunction['triggers']) {
          // BatchCreateTrigger refuses a name that exists: the deploy must not send one twice.
          if (triggers.some((t) => t.name === trigger.name)) throw Object.assign(new Error('trigger exists'), { code: 'ResourceInUse.Trigger' });
          triggers.push(trigger);
        }
        functions.set(name, { func, triggers });
      },
      async deleteFunctionTrigger(name, triggerName) {
        calls.push(`deleteFunctionTrigger ${name} ${triggerName}`);
        const fn = functions.get(name);
        if (fn) fn.triggers = fn.triggers.filter((t) => t.name !== triggerName);
      },
      async invokeFunction(name, params) {
        calls.push(`invokeFunction ${name}`);
        const apis = (params.apis as string[]) ?? [];
        const allowed = granted.get(name) ?? [];
        const data = Object.fromEntries(apis.map((api) => [api, allowed.includes(api) ? 'allowed' : 'refused']));
        return { RetMsg: JSON.stringify({ ok: true, data }) };
      },
    },
    ...database.manager,
  };
  const wechat: WeChatAdmin = {
    async uploadFuncConfig(envId, functionName, permissions) {
      calls.push(`uploadfuncconfig ${envId} ${functionName}`);
      granted.set(functionName, [...permissions]);
    },
    async getFuncConfig(_envId, functionName) {
      return granted.get(functionName) ?? null;
    },
  };
  return { tool, wechat, functions, tables: database.tables, rules: database.rules, granted, calls };
}

async function run(argv: string[], env: NodeJS.ProcessEnv, cloud = recordingCloud()) {
  const lines: string[] = [];
  const io: DeployIo = { env, log: (line) => lines.push(line), tool: () => cloud.tool, wechat: () => cloud.wechat, database: environmentDatabase };
  const code = await deploy(argv, io);
  return { code, output: lines.join('\n'), cloud };
}

describe('npm run deploy -- --dry-run', () => {
  it('on a fresh clone lists every function and every missing setting, in Chinese and English, and fails', async () => {
    const { code, output, cloud } = await run(['--dry-run'], {});
    expect(code).toBe(1);
    for (const name of functionNames()) expect(output).toMatch(new RegExp(`^${name}: runtime Nodejs20\\.19, memory \\d+ MB, timeout \\d+ s`, 'm'));
    expect(output).toContain('缺少或无效的设置 / Missing or invalid settings');
    for (const name of [
      'ENV_ID',
      'WX_APPID',
      'OPINION_REPLY_TEMPLATE_ID',
      'BOOKING_REMINDER_TEMPLATE_ID',
      'BOOKING_PROMOTED_TEMPLATE_ID',
      'BOOKING_DAY_CANCELLED_TEMPLATE_ID',
      'CASE_URGE_TEMPLATE_ID',
      'CASE_ANSWER_TEMPLATE_ID',
      'CASE_FOLLOW_UP_TEMPLATE_ID',
      'SUGGESTION_DEPUTY_TEMPLATE_ID',
      'SUGGESTION_UNIT_TEMPLATE_ID',
      'SUGGESTION_RESIDENT_TEMPLATE_ID',
      'PROJECT_MILESTONE_TEMPLATE_ID',
    ]) {
      expect(output).toMatch(new RegExp(`- ${name}: 缺少 .+ / missing `));
    }
    expect(output).not.toMatch(/- TENCENTCLOUD_SECRET/);
    expect(cloud.calls).toEqual([]);
  });

  it('with the settings given passes, and shows what each function would get with secrets masked', async () => {
    const { code, output, cloud } = await run(['--dry-run'], { ...SETTINGS, ...APPSECRET });
    expect(code).toBe(0);
    expect(output).toContain('设置齐全 / all settings present');
    expect(output).toMatch(/^booking: runtime Nodejs20\.19, memory 256 MB, timeout 10 s/m);
    expect(output).toMatch(/^ {2}triggers {4}bookingDaily \(timer "0 5 \* \* \* \* \*"\)$/m);
    expect(output).toMatch(/^ {2}permissions subscribeMessage\.send, wxacode\.getUnlimited$/m);
    expect(output).toContain('BOOKING_REMINDER_TEMPLATE_ID=tpl-reminder');
    expect(output).toMatch(/bundle +\d+ KB own code(?: \+ \d+ KB vendor\/[\w-]+\.js)* \+ \d+ KB vendor\/node-sdk\.js = \d+ KB uploaded/);
    expect(output).not.toContain(APPSECRET.WX_APPSECRET);
    expect(output).toContain('WX_APPSECRET=01****ef');
    expect(cloud.calls).toEqual([]);
  });

  it('refuses the placeholder template ids the code uses locally, and a tourist AppID', async () => {
    const { code, output } = await run(['--dry-run'], { ...SETTINGS, CASE_URGE_TEMPLATE_ID: 'lxq-case-urged', WX_APPID: 'touristappid' });
    expect(code).toBe(1);
    expect(output).toContain('- CASE_URGE_TEMPLATE_ID="lxq-case-urged": 无效');
    expect(output).toContain('- WX_APPID="touristappid": 无效');
  });
});

describe('npm run deploy against a recording stand-in', () => {
  it('does nothing without the API key, and says which', async () => {
    const { code, output, cloud } = await run([], SETTINGS);
    expect(code).toBe(1);
    expect(output).toMatch(/- TENCENTCLOUD_SECRETID: 缺少/);
    expect(cloud.calls).toEqual([]);
  });

  it('delivers every function, trigger, variable, permission, index and rule, and reads them back', async () => {
    const { code, output, cloud } = await run([], { ...SETTINGS, ...KEYS, ...APPSECRET });
    expect(output).toContain('deployed: every function, trigger, variable, permission, index and security rule is in place');
    expect(code).toBe(0);

    expect([...cloud.functions.keys()].sort()).toEqual(functionNames());
    for (const declared of rc.functions) {
      const deployed = cloud.functions.get(declared.name);
      expect(deployed?.func).toMatchObject({ runtime: 'Nodejs20.19', handler: 'index.main', timeout: declared.timeout, memorySize: declared.memorySize, installDependency: false });
      const wantedVariables = Object.fromEntries(
        Object.keys(declared.envVariables ?? {})
          .filter((key) => key in SETTINGS)
          .map((key) => [key, SETTINGS[key as keyof typeof SETTINGS]]),
      );
      expect(deployed?.func.envVariables).toEqual(wantedVariables);
      expect(deployed?.triggers).toEqual(configOf(declared.name).triggers ?? []);
      expect(cloud.granted.get(declared.name)).toEqual(configOf(declared.name).permissions?.openapi);
    }
    expect(cloud.granted.get('booking')).toEqual(['subscribeMessage.send', 'wxacode.getUnlimited']);
    expect(cloud.functions.get('casework')?.triggers).toEqual([
      { name: 'caseworkDaily', type: 'timer', config: '0 35 * * * * *' },
      // Background exports are written by a timer firing every minute.
      { name: 'caseworkExports', type: 'timer', config: '0 * * * * * *' },
    ]);

    for (const collection of DATABASE) {
      expect((cloud.tables.get(collection.name) ?? []).map((index) => index.Name)).toEqual(['_id_', ...collection.indexes.map((index) => index.name)]);
      expect(cloud.rules.get(collection.name)).toEqual({ AclTag: 'CUSTOM', Rule: JSON.stringify({ read: collection.rule.read, write: collection.rule.write }) });
    }
    // Every function that makes cloud calls was probed after the deploy.
    const calling = functionNames().filter((name) => (configOf(name).permissions?.openapi ?? []).length > 0);
    expect(cloud.calls.filter((call) => call.startsWith('invokeFunction')).sort()).toEqual(calling.map((name) => `invokeFunction ${name}`));
  });

  it('gives stations saved before they carried a position the one the nearest-stations list finds them by', async () => {
    expect((await run(['--dry-run'], SETTINGS)).output).toContain('data: stations saved without a position are given the one their location says');
    const db = environmentDatabase();
    await db.collection(COLLECTIONS.stations).doc('st-nanhu').update({ position: db.command.remove() });
    const first = await run([], { ...SETTINGS, ...KEYS, ...APPSECRET });
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/^stations: \d+ read, 1 given the position/m);
    const { data } = await db.collection(COLLECTIONS.stations).doc('st-nanhu').get();
    expect(JSON.parse(JSON.stringify(data[0]?.position))).toEqual({ type: 'Point', coordinates: [114.3302, 30.5011] });
    expect((await run([], { ...SETTINGS, ...KEYS, ...APPSECRET })).output).toMatch(/^stations: \d+ read, 0 given/m);
  });

  it('can run again: triggers already there are not created twice, and a changed one is replaced', async () => {
    const cloud = recordingCloud();
    expect((await run([], { ...SETTINGS, ...KEYS, ...APPSECRET }, cloud)).code).toBe(0);
    const booking = cloud.functions.get('booking');
    if (booking)
      booking.triggers = [
        { name: 'bookingDaily', type: 'timer', config: '0 0 2 * * * *' },
        { name: 'oldTrigger', type: 'timer', config: '0 0 1 * * * *' },
      ];
    cloud.calls.length = 0;

    const again = await run([], { ...SETTINGS, ...KEYS, ...APPSECRET }, cloud);
    expect(again.code).toBe(0);
    expect(cloud.calls).toEqual(expect.arrayContaining(['deleteFunctionTrigger booking bookingDaily', 'deleteFunctionTrigger booking oldTrigger']));
    expect(cloud.functions.get('booking')?.triggers).toEqual([{ name: 'bookingDaily', type: 'timer', config: '0 5 * * * * *' }]);
  });

  it('without an AppSecret prints the DevTools step, finds the cloud calls refused and fails until --verify passes', async () => {
    const cloud = recordingCloud();
    const first = await run([], { ...SETTINGS, ...KEYS }, cloud);
    expect(first.code).toBe(1);
    expect(first.output).toContain('右键 build/cloudfunctions/opinion → “上传并部署：所有文件”');
    expect(first.output).toMatch(/cloud calls not allowed yet: .*booking/);
    expect(first.output).toContain('npm run deploy -- --verify');

    // The developer uploads from DevTools, which applies config.json; then verifies.
    for (const name of functionNames()) cloud.granted.set(name, configOf(name).permissions?.openapi ?? []);
    cloud.calls.length = 0;
    const verified = await run(['--verify'], { ...SETTINGS, ...KEYS }, cloud);
    expect(verified.code).toBe(0);
    expect(cloud.calls.every((call) => call.startsWith('invokeFunction'))).toBe(true);
  });

  it('fails when a function reads back other than it was sent', async () => {
    const cloud = recordingCloud();
    const create = cloud.tool.functions.createFunction.bind(cloud.tool.functions);
    cloud.tool.functions.createFunction = async (param) => create({ ...param, func: { ...param.func, memorySize: 128 } });
    const { code, output } = await run([], { ...SETTINGS, ...KEYS, ...APPSECRET }, cloud);
    expect(code).toBe(1);
    expect(output).toMatch(/reads back wrong: memory 128/);
  });
});
