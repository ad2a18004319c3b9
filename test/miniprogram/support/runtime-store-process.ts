/**
 * Adds documents to a running local runtime's store through @cloudbase/node-sdk, the way the
 * functions write them. Reads `{ url, collection, docs }` as JSON on stdin; ISO strings in
 * fields named `…At` (and instants in `…From`/`…Until`) become dates, as the functions store them. See runtime-store.ts.
 */
import tcb from '@cloudbase/node-sdk';
import { applySdkEnvironment } from '../../../runtime/functions/sdkEnvironment';

interface Request {
  url: string;
  /** The SDK endpoint with the runtime's token. */
  adminUrl: string;
  collection: string;
  docs: Array<Record<string, unknown>>;
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { url, adminUrl, collection, docs } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Request;
  const { envId } = (await (await fetch(`${url}/health`)).json()) as { envId: string };
  applySdkEnvironment(adminUrl, envId);
  // `…At` fields, and instants (not calendar dates) in `…From`/`…Until` fields such as a round's vote window.
  const isInstant = (key: string, value: unknown) =>
    typeof value === 'string' && (key.endsWith('At') || ((key.endsWith('From') || key.endsWith('Until')) && /^\d{4}-\d{2}-\d{2}T/.test(value)));
  const withDates = docs.map((doc) => Object.fromEntries(Object.entries(doc).map(([key, value]) => [key, isInstant(key, value) ? new Date(value as string) : value])));
  await tcb.init({ env: envId }).database().collection(collection).add(withDates);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
