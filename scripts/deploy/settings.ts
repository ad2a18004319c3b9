/**
 * What a deploy needs to know that the repository cannot: the CloudBase environment, the
 * mini-program's AppID, the subscribe-message template ids chosen in the mini-program admin, and
 * the keys. All come from environment variables (a CI secret, or a shell); the AppID may instead
 * sit in project.private.config.json, which git ignores and WeChat DevTools reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export const ENV_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const APPID_PATTERN = /^wx[0-9a-f]{16}$/;
/** Ids the code uses locally when no template is configured: never valid in WeChat. */
const PLACEHOLDER_TEMPLATE = /^lxq-/;

export interface Setting {
  name: string;
  zh: string;
  en: string;
  /** Needed before anything is deployed; optional ones fall back to the function's default. */
  required: boolean;
  /** Printed masked. */
  secret?: boolean;
  valid?: (value: string) => boolean;
}

const template = (zh: string, en: string): Omit<Setting, 'name'> => ({
  zh: `订阅消息模板 ID：${zh}（小程序管理后台 → 订阅消息 → 我的模板）`,
  en: `subscribe-message template id: ${en} (mini-program admin → 订阅消息 → 我的模板)`,
  required: true,
  valid: (value) => !PLACEHOLDER_TEMPLATE.test(value),
});

function isJsonObject(value: string): boolean {
  try {
    return typeof JSON.parse(value) === 'object';
  } catch {
    return false;
  }
}

/** Settings the functions read as environment variables (cloudbaserc.json assigns them to functions). */
export const FUNCTION_SETTINGS: readonly Setting[] = [
  { name: 'OPINION_REPLY_TEMPLATE_ID', ...template('代表回复意见通知', 'a deputy replied to an opinion') },
  { name: 'BOOKING_REMINDER_TEMPLATE_ID', ...template('接待日预约提醒', 'reception-day booking reminder') },
  { name: 'BOOKING_PROMOTED_TEMPLATE_ID', ...template('候补成功通知', 'waitlist seat granted') },
  { name: 'BOOKING_DAY_CANCELLED_TEMPLATE_ID', ...template('接待日取消通知', 'reception day cancelled') },
  { name: 'CASE_URGE_TEMPLATE_ID', ...template('督办通知', 'case urged, to handlers') },
  { name: 'CASE_ANSWER_TEMPLATE_ID', ...template('办理结果通知', 'case answered, to residents') },
  { name: 'CASE_FOLLOW_UP_TEMPLATE_ID', ...template('回访通知', 'follow-up survey weeks after a case closed, to residents') },
  { name: 'SUGGESTION_DEPUTY_TEMPLATE_ID', ...template('代表建议进展通知', 'suggestion progress, to deputies') },
  { name: 'SUGGESTION_UNIT_TEMPLATE_ID', ...template('建议办理通知', 'suggestion handling, to units and staff') },
  { name: 'SUGGESTION_RESIDENT_TEMPLATE_ID', ...template('意见转为代表建议通知', 'suggestion answered, to residents') },
  { name: 'PROJECT_MILESTONE_TEMPLATE_ID', ...template('民生实事项目进展通知', 'project milestone, to residents who follow it') },
  {
    name: 'CASE_DEADLINES',
    zh: '各办理环节的期限（JSON，可不设）',
    en: 'stage deadlines as JSON (optional)',
    required: false,
    valid: isJsonObject,
  },
  { name: 'CASE_REFERRAL', zh: '退回期限与多次退回提示（JSON，可不设）', en: 'referral window and bounce flag as JSON (optional)', required: false, valid: isJsonObject },
  { name: 'SUGGESTION_LIMITS', zh: '代表建议办理期限（JSON，可不设）', en: 'suggestion time limits as JSON (optional)', required: false, valid: isJsonObject },
  {
    name: 'QR_CHECK_PATH',
    zh: '扫码页未发布时设为 false（可不设）',
    en: 'false while the scan page is unpublished (optional)',
    required: false,
    valid: (value) => value === 'true' || value === 'false',
  },
];

/** A setting that must be there and match `pattern`. */
const requiredMatching = (pattern: RegExp): Pick<Setting, 'required' | 'valid'> => ({ required: true, valid: (value) => pattern.test(value) });

export const ENV_ID_SETTING: Setting = {
  name: 'ENV_ID',
  zh: '云开发环境 ID（云开发控制台 → 环境）',
  en: 'the CloudBase environment id (CloudBase console → environment)',
  ...requiredMatching(ENV_ID_PATTERN),
};
export const APPID_SETTING: Setting = {
  name: 'WX_APPID',
  zh: '小程序 AppID（WX_APPID，或 project.private.config.json 的 appid；不能是 touristappid）',
  en: 'the mini-program AppID (WX_APPID, or appid in project.private.config.json; not touristappid)',
  ...requiredMatching(APPID_PATTERN),
};
export const CREDENTIAL_SETTINGS: readonly Setting[] = [
  {
    name: 'TENCENTCLOUD_SECRETID',
    zh: '腾讯云 API 密钥 SecretId（可管理该环境的子账号）',
    en: 'Tencent Cloud API key SecretId (a sub-account allowed to manage the environment)',
    required: true,
    secret: true,
  },
  { name: 'TENCENTCLOUD_SECRETKEY', zh: '腾讯云 API 密钥 SecretKey', en: 'Tencent Cloud API key SecretKey', required: true, secret: true },
];
export const APPSECRET_SETTING: Setting = {
  name: 'WX_APPSECRET',
  zh: '小程序 AppSecret（可不设：设了则自动写入云调用权限，否则按提示在开发者工具中上传）',
  en: 'the mini-program AppSecret (optional: with it the deploy applies cloud-call permissions itself; without it, it prints the DevTools step)',
  required: false,
  secret: true,
};

export interface Settings {
  envId: string;
  appId: string;
  appIdSource: string;
  /** Function environment variables that are set (valid or not: `problems` says). */
  variables: Record<string, string>;
  secretId: string;
  secretKey: string;
  sessionToken: string;
  appSecret: string;
  /** Missing or invalid settings, each with its Chinese and English explanation. */
  problems: Array<{ setting: Setting; value?: string }>;
}

function privateAppId(root: string): string {
  const file = join(root, 'project.private.config.json');
  if (!existsSync(file)) return '';
  try {
    const appid = (JSON.parse(readFileSync(file, 'utf8')) as { appid?: unknown }).appid;
    return typeof appid === 'string' ? appid : '';
  } catch {
    return '';
  }
}

/** Reads the settings; `forUpload` adds the API key to what must be there (a dry run needs none). */
export function readSettings(env: NodeJS.ProcessEnv, options: { forUpload: boolean; root?: string }): Settings {
  const problems: Settings['problems'] = [];
  const check = (setting: Setting, value: string) => {
    if (value === '') {
      if (setting.required) problems.push({ setting });
    } else if (setting.valid && !setting.valid(value)) {
      problems.push({ setting, value });
    }
  };
  const envId = env.ENV_ID ?? '';
  check(ENV_ID_SETTING, envId);
  const fromEnv = env.WX_APPID ?? '';
  const appId = fromEnv || privateAppId(options.root ?? ROOT);
  check(APPID_SETTING, appId);
  const variables: Record<string, string> = {};
  for (const setting of FUNCTION_SETTINGS) {
    const value = env[setting.name] ?? '';
    check(setting, value);
    if (value !== '') variables[setting.name] = value;
  }
  if (options.forUpload) for (const setting of CREDENTIAL_SETTINGS) check(setting, env[setting.name] ?? '');
  return {
    envId,
    appId,
    appIdSource: fromEnv ? 'WX_APPID' : 'project.private.config.json',
    variables,
    secretId: env.TENCENTCLOUD_SECRETID ?? '',
    secretKey: env.TENCENTCLOUD_SECRETKEY ?? '',
    sessionToken: env.TENCENTCLOUD_SESSIONTOKEN ?? '',
    appSecret: env.WX_APPSECRET ?? '',
    problems,
  };
}

export function mask(value: string): string {
  return value.length <= 4 ? '****' : `${value.slice(0, 2)}****${value.slice(-2)}`;
}

export function describeProblems(problems: Settings['problems']): string[] {
  return problems.map(({ setting, value }) =>
    value === undefined
      ? `  - ${setting.name}: 缺少 ${setting.zh} / missing ${setting.en}`
      : `  - ${setting.name}=${setting.secret ? mask(value) : JSON.stringify(value)}: 无效 ${setting.zh} / invalid ${setting.en}`,
  );
}
