/**
 * Where the mini-program finds its back end.
 *
 * - 'cloud': CloudBase cloud functions through `wx.cloud.callFunction` (production).
 * - 'local': the local runtime over HTTP, for development without a CloudBase environment.
 *   Each function is served at `<localBaseUrl>/fn/<name>`; the runtime takes the caller's
 *   identity from the `x-wx-openid` header, which here is the fixed `devOpenid`.
 *
 * Trial and release builds always use 'cloud' (see `backendFor`), so a local setting left
 * here can never reach residents.
 */
export type Backend = 'cloud' | 'local';

export interface AppConfig {
  backend: Backend;
  /** CloudBase environment id; empty uses the mini-program's default environment. */
  cloudEnv: string;
  localBaseUrl: string;
  /** The OPENID the local runtime sees; the seeded demo resident by default. */
  devOpenid: string;
  /** How long one call may take before it counts as a network failure. */
  timeoutMs: number;
  /**
   * The subscribe message (公众平台 → 订阅消息) the opinion function sends when a deputy
   * replies: its OPINION_REPLY_TEMPLATE_ID. The resident is asked to allow it when they submit;
   * without that WeChat refuses the message (the reply still shows in 我的意见). Empty: never ask.
   */
  opinionReplyTemplateId: string;
  /**
   * The subscribe message the suggestion function sends a resident once, when a 代表建议 their
   * opinion went into is answered: its SUGGESTION_RESIDENT_TEMPLATE_ID. Asked for with the reply's,
   * when they submit an opinion. Empty: never ask.
   */
  suggestionProgressTemplateId: string;
  /**
   * The subscribe message the casework function sends when staff publish the departments' answer
   * (the case closed): its CASE_ANSWER_TEMPLATE_ID. Asked for with the reply's. Empty: never ask.
   */
  caseAnsweredTemplateId: string;
  /**
   * The subscribe message the casework function sends weeks after a case closed, asking whether the
   * problem is really solved (回访): its CASE_FOLLOW_UP_TEMPLATE_ID. Asked for when the resident rates
   * the answer 满意 or 基本满意 (不满意 reopens the case instead). Empty: never ask.
   */
  caseFollowUpTemplateId: string;
}

export const CONFIG: AppConfig = {
  backend: 'local',
  cloudEnv: '',
  localBaseUrl: 'http://127.0.0.1:3900',
  devOpenid: 'demo-resident-001',
  timeoutMs: 10_000,
  opinionReplyTemplateId: 'lxq-opinion-replied',
  suggestionProgressTemplateId: 'lxq-suggestion-resident',
  caseAnsweredTemplateId: 'lxq-case-answered',
  caseFollowUpTemplateId: 'lxq-case-follow-up',
};

/** The oldest base library supported (admin console, docs/DEPLOY.md): 2.32.3 has the privacy authorization; styles avoid flex `gap` and `inset`. */
export const MIN_BASE_LIBRARY = '2.32.3';

/** `envVersion` as `wx.getAccountInfoSync()` reports it. */
export type EnvVersion = 'develop' | 'trial' | 'release';

export function backendFor(config: AppConfig, envVersion: EnvVersion): Backend {
  return envVersion === 'develop' ? config.backend : 'cloud';
}
