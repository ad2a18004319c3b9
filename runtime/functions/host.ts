import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../miniprogram/shared/domain/time';
import { invocationContext, type InvocationSource } from './identity';
import { withInvocation } from './requestCounter';

type Main = (event: unknown, context: unknown) => Promise<unknown>;

export interface InvocationResult {
  result: unknown;
  databaseRequests: number;
  /** Documents the function's database reads returned. */
  documentsRead: number;
  requestId: string;
}

export class FunctionNotFoundError extends Error {
  constructor(readonly functionName: string) {
    super(`cloud function "${functionName}" is not built; run npm run build`);
  }
}

const FUNCTION_NAME = /^[a-z][a-z0-9-]{0,59}$/;

/**
 * Hosts the cloud functions in this process, the way CloudBase would: `main(event, context)` with
 * the caller's identity and the runtime clock's reading in the context. Either the built bundles
 * (`build/cloudfunctions/<name>/index.js`, what is deployed) or the TypeScript source
 * (`cloudfunctions/<name>/index.ts`, for tests: what is in the tree is what runs). Concurrent
 * invocations are safe because identity and time travel in each call's context, not in process.env.
 */
export class FunctionHost {
  private readonly loaded = new Map<string, Main>();

  constructor(private readonly options: { functionsDir: string; entryFile: 'index.js' | 'index.ts'; envId: string; appId: string; clock: Clock; rateLimitScale?: number }) {}

  has(name: string): boolean {
    return FUNCTION_NAME.test(name) && name !== 'core' && existsSync(this.entryOf(name));
  }

  private entryOf(name: string): string {
    return join(this.options.functionsDir, name, this.options.entryFile);
  }

  private load(name: string): Main {
    const cached = this.loaded.get(name);
    if (cached) return cached;
    if (!this.has(name)) throw new FunctionNotFoundError(name);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- functions are CommonJS modules
    const module = require(this.entryOf(name)) as { main?: Main };
    if (typeof module.main !== 'function') throw new FunctionNotFoundError(name);
    this.loaded.set(name, module.main);
    return module.main;
  }

  /** Runs `name` with `event`; `source` says what triggered it (a mini-program call unless told otherwise). */
  async invoke(name: string, event: unknown, openid: string | null, source: InvocationSource = 'wx_client'): Promise<InvocationResult> {
    const main = this.load(name);
    const requestId = randomUUID();
    const context = invocationContext({
      functionName: name,
      requestId,
      envId: this.options.envId,
      appId: this.options.appId,
      openid,
      now: this.options.clock.now(),
      source,
      rateLimitScale: this.options.rateLimitScale ?? 1,
    });
    const { value, databaseRequests, documentsRead } = await withInvocation(requestId, () => main(event, context), name);
    return { result: value, databaseRequests, documentsRead, requestId };
  }
}
