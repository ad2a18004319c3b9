import { appendFile, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the local runtime "sent" on the app's behalf (subscribe messages, media checks),
 * kept as JSON lines so it survives a restart and a developer can `tail -f` it.
 */
export interface OutboxEntry {
  /** Position in the outbox, from 1. */
  seq: number;
  /** When the runtime accepted it, ISO 8601. */
  at: string;
  apiName: string;
  envName: string;
  /** The request body as WeChat would have received it. */
  request: Record<string, unknown>;
  /** What the runtime answered, when a later step needs it (the trace_id of an image check). */
  reply?: Record<string, unknown>;
}

export interface Outbox {
  readonly file: string;
  entries(): OutboxEntry[];
  append(entry: Omit<OutboxEntry, 'seq'>): Promise<OutboxEntry>;
}

export function openOutbox(file: string): Outbox {
  const entries = load(file);
  // One write at a time, so concurrent sends land whole, in seq order, and only once on disk.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    file,
    entries: () => entries.map((entry) => structuredClone(entry)),
    append(fields) {
      const written = queue.then(async () => {
        const entry: OutboxEntry = { seq: entries.length + 1, ...fields };
        await mkdir(path.dirname(file), { recursive: true });
        await appendFile(file, `${JSON.stringify(entry)}\n`, 'utf8');
        entries.push(entry);
        return structuredClone(entry);
      });
      queue = written.catch(() => undefined);
      return written;
    },
  };
}

function load(file: string): OutboxEntry[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.pop(); // the text after the last newline is an unfinished write
  const entries: OutboxEntry[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      entries.push(JSON.parse(line) as OutboxEntry);
    } catch {
      throw new Error(`${file}: line ${i + 1} is not JSON; fix or remove the file`);
    }
  });
  return entries;
}
