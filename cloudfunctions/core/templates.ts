/**
 * A subscribe message's template id: the one the mini-program admin gave (订阅消息 → 选用模板), set
 * in the function's environment variable `variable`, or else the local default that only names the
 * template. Read per call so a changed variable applies at once.
 */
export function templateId(variable: string, fallback: string): string {
  return process.env[variable] || fallback;
}
