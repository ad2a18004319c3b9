/**
 * What the deploy sends for each function: cloudbaserc.json's handler, timeout, memory and
 * environment variables (`{{env.NAME}}` filled from the settings), the runtime named by .nvmrc,
 * the timer triggers and cloud-call permissions of the built config.json, and the built folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSize, FUNCTIONS_OUT, type BundleSize } from '../build';
import { cloudBaseRuntime } from '../node-version';
import { FUNCTION_SETTINGS, mask, ROOT } from './settings';

export interface Trigger {
  name: string;
  type: string;
  config: string;
}

export interface FunctionPlan {
  name: string;
  handler: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  /** Always false: the folder carries its dependencies (scripts/build.ts). */
  installDependency: false;
  /** The variables the function is given; optional ones left unset are not sent (the code's default applies). */
  envVariables: Record<string, string>;
  triggers: Trigger[];
  /** `permissions.openapi` of its config.json: the WeChat APIs it may call. */
  permissions: string[];
  bundle: BundleSize | null;
}

interface RcFunction {
  name: string;
  handler?: string;
  timeout?: number;
  memorySize?: number;
  envVariables?: Record<string, string>;
  triggers?: Trigger[];
}

const PLACEHOLDER = /^\{\{env\.([A-Z][A-Z0-9_]*)\}\}$/;

export function readRc(root = ROOT): { functions: RcFunction[] } {
  return JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as { functions: RcFunction[] };
}

function functionConfig(name: string, builtRoot: string): { triggers?: Trigger[]; permissions?: { openapi?: string[] } } {
  const file = join(builtRoot, name, 'config.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { triggers?: Trigger[] }) : {};
}

export function planFunctions(variables: Readonly<Record<string, string>>, builtRoot = FUNCTIONS_OUT, root = ROOT): FunctionPlan[] {
  return readRc(root).functions.map((fn) => {
    const envVariables: Record<string, string> = {};
    for (const [key, value] of Object.entries(fn.envVariables ?? {})) {
      const placeholder = PLACEHOLDER.exec(value);
      const resolved = placeholder ? variables[placeholder[1] as string] : value;
      if (resolved !== undefined && resolved !== '') envVariables[key] = resolved;
    }
    const config = functionConfig(fn.name, builtRoot);
    const built = existsSync(join(builtRoot, fn.name, 'index.js'));
    return {
      name: fn.name,
      handler: fn.handler ?? 'index.main',
      runtime: cloudBaseRuntime(),
      timeout: fn.timeout ?? 3,
      memorySize: fn.memorySize ?? 256,
      installDependency: false,
      envVariables,
      triggers: config.triggers ?? [],
      permissions: config.permissions?.openapi ?? [],
      bundle: built ? bundleSize(fn.name, builtRoot) : null,
    };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const SECRET_NAME = /SECRET|KEY|TOKEN|PASSWORD/;

/** What the dry run prints for one function. */
export function describePlan(plan: FunctionPlan): string[] {
  const optional = FUNCTION_SETTINGS.filter((setting) => !setting.required).map((setting) => setting.name);
  const declared = Object.keys(readRc().functions.find((fn) => fn.name === plan.name)?.envVariables ?? {});
  const variables = declared.map((key) => {
    const value = plan.envVariables[key];
    if (value === undefined) return `${key}=(${optional.includes(key) ? '未设，用默认值 / unset, default applies' : '缺少 / missing'})`;
    return `${key}=${SECRET_NAME.test(key) ? mask(value) : value}`;
  });
  const bundle = plan.bundle
    ? `${kb(plan.bundle.own)} own code + ${Object.entries(plan.bundle.vendor)
        .map(([file, bytes]) => `${kb(bytes)} vendor/${file}`)
        .join(' + ')} = ${kb(plan.bundle.total)} uploaded`
    : 'not built: run npm run build';
  return [
    `${plan.name}: runtime ${plan.runtime}, memory ${plan.memorySize} MB, timeout ${plan.timeout} s, handler ${plan.handler}, installDependency false`,
    `  bundle      ${bundle}`,
    `  triggers    ${plan.triggers.length ? plan.triggers.map((t) => `${t.name} (${t.type} "${t.config}")`).join(', ') : '—'}`,
    `  permissions ${plan.permissions.length ? plan.permissions.join(', ') : '—'}`,
    `  variables   ${variables.length ? variables.join('  ') : '—'}`,
  ];
}
