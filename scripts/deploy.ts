/**
 * Deploys the built functions and the database to a CloudBase environment through
 * @cloudbase/manager-node (pinned in package.json; docs/DEPLOY.md says why), and tells the truth
 * about what arrived: every setting is read back.
 *
 *   npm run deploy -- --dry-run   needs no credentials: prints what each function would get and
 *                                 lists every missing setting (exit 1 when any is missing)
 *   npm run deploy                builds, deploys every function (code, runtime, memory, timeout,
 *                                 variables, timer triggers), applies cloud-call permissions,
 *                                 applies infra/database.ts, gives stations saved before they had
 *                                 one their position (runtime/repair/stationPositions.ts), then
 *                                 checks the cloud calls
 *   npm run deploy -- --verify    only the last step: may each function make its cloud calls?
 *
 * Settings: scripts/deploy/settings.ts (environment variables; the AppID may sit in
 * project.private.config.json).
 */
import { createRequire } from 'node:module';
import tcb from '@cloudbase/node-sdk';
import { FUNCTIONS_OUT } from './build';
import { DATABASE } from '../infra/database';
import { applyDatabase, type DatabaseManager } from './apply-database';
import { describePlan, planFunctions, type FunctionPlan, type Trigger } from './deploy/plan';
import { APPSECRET_SETTING, describeProblems, mask, readSettings, type Settings } from './deploy/settings';
import { createWeChatAdmin, type WeChatAdmin } from './deploy/wechat';
import { repairStationPositions } from '../runtime/repair/stationPositions';

/** The environment's database as @cloudbase/node-sdk gives it, for the data the deploy brings up to date. */
export type DeployDatabase = ReturnType<ReturnType<typeof tcb.init>['database']>;

/** The part of @cloudbase/manager-node's functions service the deploy uses. */
export interface FunctionsManager {
  getFunctionDetail(name: string): Promise<{
    Runtime?: string;
    MemorySize?: number;
    Timeout?: number;
    InstallDependency?: string;
    Environment?: { Variables?: Array<{ Key: string; Value: string }> };
    Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>;
  }>;
  createFunction(param: { func: Record<string, unknown>; functionRootPath: string; force: boolean }): Promise<unknown>;
  deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
  invokeFunction(name: string, params: Record<string, unknown>): Promise<{ RetMsg?: string }>;
}

export interface CloudBaseTool extends DatabaseManager {
  functions: FunctionsManager;
}

export interface DeployIo {
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** The management tool for the settings (manager-node in production, a recording stand-in in tests). */
  tool: (settings: Settings) => CloudBaseTool;
  /** WeChat's server API for cloud-call permissions, when an AppSecret is given. */
  wechat: (settings: Settings) => WeChatAdmin;
  /** The environment's database (node-sdk with the deploy's credentials in production). */
  database: (settings: Settings) => DeployDatabase;
  builtRoot?: string;
}

class DeployError extends Error {}

const MANUAL_PERMISSION_STEP = (plans: FunctionPlan[], envId: string) => [
  '云调用权限需在微信开发者工具中上传一次 / Cloud-call permissions need one upload from WeChat DevTools:',
  `  1. 用真实 AppID 打开本仓库，云开发 → 选择环境 ${envId} / open this repository with the real AppID, 云开发 → environment ${envId}`,
  ...plans.map(
    (plan, i) =>
      `  ${i + 2}. 右键 build/cloudfunctions/${plan.name} → “上传并部署：所有文件” (grants ${plan.permissions.join(', ')}) / right-click build/cloudfunctions/${plan.name} → 上传并部署：所有文件`,
  ),
  '  然后运行 / then run: npm run deploy -- --verify   (权限有约 10 分钟缓存 / permissions are cached for about 10 minutes)',
];

function triggerKey(trigger: { name: string; type: string; config: string }): string {
  return `${trigger.name} ${trigger.type} ${trigger.config}`;
}

async function existingFunction(functions: FunctionsManager, name: string) {
  try {
    return await functions.getFunctionDetail(name);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('ResourceNotFound')) return null;
    throw error;
  }
}

/** Creates or updates one function; existing triggers that differ from config.json are replaced. */
async function deployFunction(tool: CloudBaseTool, plan: FunctionPlan, builtRoot: string, log: DeployIo['log']): Promise<void> {
  const before = await existingFunction(tool.functions, plan.name);
  const existing = (before?.Triggers ?? []).map((t) => ({ name: t.TriggerName, type: t.Type, config: t.TriggerDesc }));
  const wanted = new Set(plan.triggers.map(triggerKey));
  for (const trigger of existing.filter((t) => !wanted.has(triggerKey(t)))) {
    await tool.functions.deleteFunctionTrigger(plan.name, trigger.name);
    log(`  ${plan.name}: removed trigger ${trigger.name} (${trigger.config})`);
  }
  const kept = new Set(existing.map(triggerKey));
  const toCreate: Trigger[] = plan.triggers.filter((t) => !kept.has(triggerKey(t)));
  await tool.functions.createFunction({
    func: {
      name: plan.name,
      handler: plan.handler,
      runtime: plan.runtime,
      timeout: plan.timeout,
      memorySize: plan.memorySize,
      installDependency: plan.installDependency,
      envVariables: plan.envVariables,
      triggers: toCreate,
      ignore: [],
    },
    functionRootPath: builtRoot,
    force: true,
  });

  const after = await tool.functions.getFunctionDetail(plan.name);
  const wrong: string[] = [];
  if (after.Runtime !== plan.runtime) wrong.push(`runtime ${String(after.Runtime)}`);
  if (after.MemorySize !== plan.memorySize) wrong.push(`memory ${String(after.MemorySize)}`);
  if (after.Timeout !== plan.timeout) wrong.push(`timeout ${String(after.Timeout)}`);
  const variables = Object.fromEntries((after.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]));
  for (const [key, value] of Object.entries(plan.envVariables)) if (variables[key] !== value) wrong.push(`variable ${key}`);
  const triggers = new Set((after.Triggers ?? []).map((t) => triggerKey({ name: t.TriggerName, type: t.Type, config: t.TriggerDesc })));
  for (const trigger of plan.triggers) if (!triggers.has(triggerKey(trigger))) wrong.push(`trigger ${trigger.name}`);
  if (wrong.length > 0) throw new DeployError(`${plan.name} reads back wrong: ${wrong.join(', ')}`);
  log(
    `  ${plan.name}: deployed and read back (${plan.runtime}, ${plan.memorySize} MB, ${plan.timeout} s, ${plan.triggers.length} triggers, ${Object.keys(plan.envVariables).length} variables)`,
  );
}

async function applyPermissions(wechat: WeChatAdmin, plans: FunctionPlan[], envId: string, log: DeployIo['log']): Promise<void> {
  for (const plan of plans) {
    await wechat.uploadFuncConfig(envId, plan.name, plan.permissions);
    const readBack = (await wechat.getFuncConfig(envId, plan.name)) ?? [];
    const missing = plan.permissions.filter((api) => !readBack.includes(api));
    if (missing.length > 0) throw new DeployError(`${plan.name}: cloud-call permissions read back without ${missing.join(', ')}`);
    log(`  ${plan.name}: cloud-call permissions ${plan.permissions.join(', ')}`);
  }
}

/** Invokes each function's probe; answers the functions some of whose cloud calls are not allowed. */
async function verifyCloudCalls(tool: CloudBaseTool, plans: FunctionPlan[], log: DeployIo['log']): Promise<FunctionPlan[]> {
  const failing: FunctionPlan[] = [];
  for (const plan of plans) {
    const { RetMsg } = await tool.functions.invokeFunction(plan.name, { deployProbe: 'openapi', apis: plan.permissions });
    let verdicts: Record<string, string> = {};
    try {
      verdicts = ((JSON.parse(RetMsg ?? '') as { data?: Record<string, string> }).data ?? {}) as Record<string, string>;
    } catch {
      verdicts = {};
    }
    const notAllowed = plan.permissions.filter((api) => verdicts[api] !== 'allowed');
    log(`  ${plan.name}: ${plan.permissions.map((api) => `${api} ${verdicts[api] ?? 'no answer'}`).join(', ')}`);
    if (notAllowed.length > 0) failing.push(plan);
  }
  return failing;
}

export async function deploy(argv: readonly string[], io: DeployIo): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const verifyOnly = argv.includes('--verify');
  const { log } = io;
  const builtRoot = io.builtRoot ?? FUNCTIONS_OUT;
  const settings = readSettings(io.env, { forUpload: !dryRun });
  const plans = planFunctions(settings.variables, builtRoot);
  const calling = plans.filter((plan) => plan.permissions.length > 0);

  if (dryRun || settings.problems.length > 0) {
    log(`${dryRun ? '试运行，不上传任何东西 / dry run, nothing is sent' : '部署前检查 / checking before deploying'}: ${plans.length} functions → ${settings.envId || '(ENV_ID?)'}`);
    log(`AppID ${settings.appId || '(missing)'}${settings.appId ? ` (from ${settings.appIdSource})` : ''}`);
    for (const plan of plans) for (const line of describePlan(plan)) log(line);
    log(
      settings.appSecret
        ? `cloud-call permissions: applied through WeChat's uploadfuncconfig with WX_APPSECRET=${mask(settings.appSecret)}, then read back`
        : `cloud-call permissions: ${APPSECRET_SETTING.name} not set, so the deploy will print the WeChat DevTools step for ${calling.map((p) => p.name).join(', ')}`,
    );
    log(`database: ${DATABASE.length} collections (indexes; security rule)`);
    for (const collection of DATABASE) {
      const indexes = collection.indexes.map((index) => `${index.name}${index.unique ? ' (unique)' : ''}`).join(', ') || 'no index';
      log(`  ${collection.name}: ${indexes}; rule ${JSON.stringify({ read: collection.rule.read, write: collection.rule.write })}`);
    }
    log('data: stations saved without a position are given the one their location says');
    if (!plans.every((plan) => plan.bundle))
      settings.problems.push({ setting: { name: 'build', zh: '函数未构建：运行 npm run build', en: 'functions not built: run npm run build', required: true } });
    if (settings.problems.length > 0) {
      log('缺少或无效的设置 / Missing or invalid settings:');
      for (const line of describeProblems(settings.problems)) log(line);
      return 1;
    }
    log('设置齐全 / all settings present');
    return 0;
  }

  const tool = io.tool(settings);
  try {
    if (!verifyOnly) {
      log(`deploying ${plans.length} functions to ${settings.envId}`);
      for (const plan of plans) await deployFunction(tool, plan, builtRoot, log);
      if (settings.appSecret) {
        log('applying cloud-call permissions (WeChat uploadfuncconfig)');
        await applyPermissions(io.wechat(settings), calling, settings.envId, log);
      } else {
        for (const line of MANUAL_PERMISSION_STEP(calling, settings.envId)) log(line);
      }
      log(`applying infra/database.ts to ${settings.envId}`);
      await applyDatabase(tool, settings.envId, (line) => log(`  ${line}`));
      // Stations saved before they carried a position are not found near a phone until they have one.
      const positions = await repairStationPositions(io.database(settings), { write: true });
      log(`stations: ${positions.stations} read, ${positions.differing.length} given the position the nearest-stations list finds them by`);
    }
    log('checking that each function may make its cloud calls');
    const failing = await verifyCloudCalls(tool, calling, log);
    if (failing.length > 0) {
      log(`云调用未获授权 / cloud calls not allowed yet: ${failing.map((plan) => plan.name).join(', ')}`);
      for (const line of MANUAL_PERMISSION_STEP(failing, settings.envId)) log(line);
      return 1;
    }
    log('deployed: every function, trigger, variable, permission, index and security rule is in place');
    return 0;
  } catch (error) {
    log(`deploy failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const nodeRequire = createRequire(__filename);

function managerNode(settings: Settings): CloudBaseTool {
  const exported = nodeRequire('@cloudbase/manager-node') as unknown;
  const CloudBase = ((exported as { default?: unknown }).default ?? exported) as new (config: Record<string, string>) => CloudBaseTool;
  return new CloudBase({
    secretId: settings.secretId,
    secretKey: settings.secretKey,
    envId: settings.envId,
    ...(settings.sessionToken ? { token: settings.sessionToken } : {}),
  });
}

function cloudDatabase(settings: Settings): DeployDatabase {
  return tcb
    .init({
      env: settings.envId,
      secretId: settings.secretId,
      secretKey: settings.secretKey,
      ...(settings.sessionToken ? { sessionToken: settings.sessionToken } : {}),
    })
    .database();
}

if (process.argv[1] === __filename) {
  deploy(process.argv.slice(2), {
    env: process.env,
    log: (line) => console.log(line),
    tool: managerNode,
    wechat: (settings) => createWeChatAdmin(settings.appId, settings.appSecret),
    database: cloudDatabase,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
