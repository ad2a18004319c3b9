import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Counts the database requests each function invocation makes. The invocation runs inside an
 * AsyncLocalStorage scope; when the SDK starts an HTTP request from that scope, the local port
 * of the socket carrying it is remembered as that invocation's, and the runtime's /admin
 * endpoint attributes each database action to the invocation owning the caller's port. A
 * socket carries one request at a time, so keep-alive reuse stays correct. Lives only in the
 * runtime process: function code is unaware of it.
 */
interface Invocation {
  id: string;
  /** The function invoked, so the runtime knows which function's permissions a cloud call runs under. */
  functionName: string;
  databaseRequests: number;
  /** Documents the database answered with (lists of reads and aggregations). */
  documentsRead: number;
}

const scope = new AsyncLocalStorage<Invocation>();
const live = new Map<string, Invocation>();
const portOwners = new Map<number, string>();
let subscribed = false;

function rememberSocket(socket: Socket, invocationId: string): void {
  const remember = () => {
    if (socket.localPort) portOwners.set(socket.localPort, invocationId);
  };
  if (socket.localPort) remember();
  else socket.once('connect', remember);
}

function tagOutgoingRequest(message: unknown): void {
  const invocation = scope.getStore();
  const request = (message as { request?: ClientRequest }).request;
  if (!invocation || !request) return;
  if (request.socket) rememberSocket(request.socket, invocation.id);
  else request.once('socket', (socket: Socket) => rememberSocket(socket, invocation.id));
}

export async function withInvocation<T>(id: string, run: () => Promise<T>, functionName = ''): Promise<{ value: T; databaseRequests: number; documentsRead: number }> {
  if (!subscribed) {
    diagnostics.subscribe('http.client.request.start', tagOutgoingRequest);
    subscribed = true;
  }
  const invocation: Invocation = { id, functionName, databaseRequests: 0, documentsRead: 0 };
  live.set(id, invocation);
  try {
    const value = await scope.run(invocation, run);
    return { value, databaseRequests: invocation.databaseRequests, documentsRead: invocation.documentsRead };
  } finally {
    live.delete(id);
  }
}

/** Called by /admin for each database action, with the remote port of the caller's socket. */
export function countDatabaseRequest(callerPort: number | undefined): void {
  const owner = callerPort === undefined ? undefined : portOwners.get(callerPort);
  const invocation = owner ? live.get(owner) : undefined;
  if (invocation) invocation.databaseRequests += 1;
}

/** Called by /admin with how many documents a database answer carried back to the caller on this port. */
export function countDocumentsRead(callerPort: number | undefined, documents: number): void {
  const owner = callerPort === undefined ? undefined : portOwners.get(callerPort);
  const invocation = owner ? live.get(owner) : undefined;
  if (invocation) invocation.documentsRead += documents;
}

/** The function whose invocation made the request arriving from this port; undefined for any other caller. */
export function callingFunction(callerPort: number | undefined): string | undefined {
  const owner = callerPort === undefined ? undefined : portOwners.get(callerPort);
  const name = owner ? live.get(owner)?.functionName : undefined;
  return name || undefined;
}
