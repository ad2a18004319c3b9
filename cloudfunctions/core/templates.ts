import { SUBSCRIBE_TEMPLATES, type TemplateName, type TemplateSender } from '../../infra/subscribeTemplates';

/**
 * A subscribe message's template id: the one the mini-program admin gave (订阅消息 → 选用模板), set
 * in the function's environment variable `variable`, or else the local default that only names the
 * template. Read per call so a changed variable applies at once.
 */
function templateId(variable: string, fallback: string): string {
  return process.env[variable] || fallback;
}

/** A function's template ids by name (infra/subscribeTemplates.ts), read per call as `templateId` does. */
export function templateIdsOf<Fn extends TemplateSender>(fn: Fn): () => Record<TemplateName<Fn>, string> {
  const own = SUBSCRIBE_TEMPLATES.filter((template) => template.fn === fn);
  return () => Object.fromEntries(own.map(({ name, variable, fallback }) => [name, templateId(variable, fallback)])) as Record<TemplateName<Fn>, string>;
}
