/**
 * Adds documents to a running local runtime's store through @cloudbase/node-sdk, the way the
 * functions write them. Reads `{ url, collection, docs }` as JSON on stdin; ISO strings in
 * fields named `…At` become dates, as the functions store them. See runtime-store.ts.
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
  const withDates = docs.map((doc) =>
    Object.fromEntries(Object.entries(doc).map(([key, value]) => [key, key.endsWith('At') && typeof value === 'string' ? new Date(value) : value])),
  );
  await tcb.init({ env: envId }).database().collection(collection).add(withDates);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
