/**
 * Cloud-call permissions as each function's config.json declares them (`permissions.openapi`,
 * WeChat's format). On CloudBase a cloud call runs with the permissions of the function making
 * it; the local runtime holds calls to the same list, so a function that forgets to declare an
 * API fails here first, with the code WeChat answers (-604101).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function declaredPermissions(sourceDir: string): (functionName: string) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  return (functionName) => {
    const cached = cache.get(functionName);
    if (cached) return cached;
    const file = join(sourceDir, functionName, 'config.json');
    const config = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { permissions?: { openapi?: unknown } }) : {};
    const openapi = config.permissions?.openapi;
    const apis = Array.isArray(openapi) ? openapi.filter((api): api is string => typeof api === 'string') : [];
    cache.set(functionName, apis);
    return apis;
  };
}
