/**
 * The real local runtime for page tests, seeded with the demo data, in a process of its own
 * (see local-runtime.ts), its clock starting at LXQ_TEST_AT. Prints its URL and its clock's
 * reading as one JSON line; stops when its parent closes stdin.
 */
import { startTestRuntime } from '../../support/runtime';

async function main(): Promise<void> {
  const at = process.env.LXQ_TEST_AT;
  const t = await startTestRuntime(at ? { at: new Date(at) } : {});
  process.stdout.write(`${JSON.stringify({ url: t.runtime.url, token: t.runtime.token, now: t.clock.now().toISOString() })}\n`);
  const stop = () => {
    t.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
