import { COLLECTIONS } from '../../infra/database';
import { PERSONAL_DATA, type PersonalFields } from '../../infra/documents/personalData';
import { findAccount, type AccountDocument } from './accounts';
import { recordPersonalDataReads, type AuditActor } from './audit';
import type { Database } from './cloud';

/** One personal value a use case read from the store that is not the caller's own. */
interface PersonalRead {
  subjectId: string;
  field: 'name' | 'phone';
  value: string;
  areaPath?: string[];
  stationId?: string;
}

/** What a query reads: its collection and, for an aggregation, the collections it joins and whether rows were reshaped. */
interface QueryScope {
  root: string;
  lookups: Array<{ as: string; from: string }>;
  reshaped: boolean;
}

/** Stages after which a row is no longer shaped like a document of the root collection. */
const RESHAPING = new Set(['replaceRoot', 'replaceWith', 'group']);

type Row = Record<string, unknown>;

function at(doc: Row, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Row)[key];
  }
  return value;
}

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The one door to residents' personal data (docs/SECURITY.md, "Audited reads"). Every database request of a use
 * case goes through `db`; the door notes each name or phone it returns that belongs to someone other than the
 * caller (the collections and fields in infra/documents/personalData.ts). When the use case answers, `commit`
 * writes one audit entry per subject for the values the answer shows in full: a masked phone, or a name read only
 * to decide something, is not a disclosure. The entry is awaited before the answer leaves: a read that cannot be
 * recorded fails rather than goes unrecorded. No request when nothing personal is shown; one (the entries) when
 * the caller's account was read by the use case, two otherwise.
 */
export class PersonalDataDoor {
  readonly db: Database;
  private readonly reads: PersonalRead[] = [];
  private account: AccountDocument | undefined;

  constructor(
    private readonly raw: Database,
    private readonly openid: string | null,
  ) {
    this.db = this.watchCollections(raw);
  }

  /**
   * The database, or a transaction on it, with every collection it opens watched. A transaction's reads are
   * reads like any other: `startTransaction` answers a watched transaction, `runTransaction` hands its
   * callback one.
   */
  private watchCollections<T extends object>(source: T): T {
    return new Proxy(source, {
      get: (target, prop) => {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        const call = value as (...args: unknown[]) => unknown;
        if (prop === 'collection') {
          return (name: string, ...rest: unknown[]) => this.watch(call.call(target, name, ...rest) as object, { root: name, lookups: [], reshaped: false });
        }
        if (prop === 'startTransaction') {
          return async (...args: unknown[]) => this.watchCollections((await call.apply(target, args)) as object);
        }
        if (prop === 'runTransaction') {
          return (callback: unknown, ...rest: unknown[]) =>
            call.call(
              target,
              typeof callback === 'function' ? (transaction: object) => (callback as (t: object) => unknown)(this.watchCollections(transaction)) : callback,
              ...rest,
            );
        }
        return value;
      },
    });
  }

  /** A query builder (collection, query, document, aggregation) whose reads are noted. */
  private watch<T extends object>(builder: T, scope: QueryScope): T {
    return new Proxy(builder, {
      get: (target, prop) => {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        return (...args: unknown[]) => {
          let next = scope;
          if (prop === 'lookup' && isRow(args[0])) {
            const { as, from } = args[0] as { as?: unknown; from?: unknown };
            if (typeof as === 'string' && typeof from === 'string') next = { ...scope, lookups: [...scope.lookups, { as, from }] };
          } else if (RESHAPING.has(prop)) next = { ...scope, reshaped: true };
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (prop === 'get' || prop === 'end') {
            return Promise.resolve(result).then((answer) => {
              this.note(answer, next);
              return answer;
            });
          }
          if (isRow(result) && typeof (result as { then?: unknown }).then !== 'function') return this.watch(result, next);
          return result;
        };
      },
    });
  }

  private note(answer: unknown, scope: QueryScope): void {
    const data = isRow(answer) ? answer.data : undefined;
    const rows = (Array.isArray(data) ? data : [data]).filter(isRow);
    const own = PERSONAL_DATA[scope.root as keyof typeof PERSONAL_DATA];
    const joined = scope.lookups.flatMap(({ as, from }) => {
      const spec = PERSONAL_DATA[from as keyof typeof PERSONAL_DATA];
      return spec ? [{ as, spec }] : [];
    });
    for (const row of rows) {
      if (scope.root === COLLECTIONS.accounts && this.openid && row._id === this.openid) this.account = row as unknown as AccountDocument;
      if (!scope.reshaped) {
        if (own) this.noteDocument(row, own);
      } else {
        // A reshaped row may carry any joined document's fields at its top level.
        for (const spec of [own, ...joined.map((join) => join.spec)]) if (spec) this.noteDocument(row, spec);
      }
      for (const { as, spec } of joined) {
        const nested = row[as];
        for (const doc of Array.isArray(nested) ? nested : [nested]) if (isRow(doc)) this.noteDocument(doc, spec, row);
      }
    }
  }

  private noteDocument(doc: Row, spec: PersonalFields, parent?: Row): void {
    if (this.openid && at(doc, spec.owner) === this.openid) return;
    for (const [path, field] of Object.entries(spec.fields)) {
      const value = at(doc, path);
      if (typeof value !== 'string' || value.trim() === '') continue;
      const subject = (spec.subject ? at(doc, spec.subject) : undefined) ?? doc._id ?? parent?._id;
      const areaPath = (doc.areaPath ?? parent?.areaPath) as string[] | undefined;
      const stationId = (doc.stationId ?? parent?.stationId) as string | undefined;
      const read: PersonalRead = { subjectId: String(subject ?? ''), field, value };
      if (Array.isArray(areaPath)) read.areaPath = areaPath;
      if (typeof stationId === 'string') read.stationId = stationId;
      this.reads.push(read);
    }
  }

  /** Records what of the noted reads `answer` shows, as `action` at `now` (see the class). */
  async commit(action: string, answer: unknown, now: Date): Promise<void> {
    if (this.reads.length === 0) return;
    const text = JSON.stringify(answer) ?? '';
    const shown = this.reads.filter((read) => text.includes(JSON.stringify(read.value).slice(1, -1)));
    if (shown.length === 0) return;
    const account = this.account ?? (this.openid ? await findAccount(this.raw, this.openid) : undefined);
    const actor: AuditActor = { openid: this.openid ?? '', role: actorRole(account, this.openid) };
    const name = account?.staffName ?? (account?.staff ? undefined : account?.deputy?.name);
    if (name) actor.name = name;
    const subjects = new Map<string, { fields: Set<string>; areaPath?: string[]; stationId?: string }>();
    for (const read of shown) {
      const subject = subjects.get(read.subjectId) ?? { fields: new Set<string>() };
      subject.fields.add(read.field);
      subject.areaPath ??= read.areaPath;
      subject.stationId ??= read.stationId;
      subjects.set(read.subjectId, subject);
    }
    await recordPersonalDataReads(
      this.raw,
      actor,
      action,
      [...subjects].map(([subjectId, { fields, areaPath, stationId }]) => ({ subjectId, fields: [...fields], areaPath, stationId })),
      now,
    );
  }
}

function actorRole(account: AccountDocument | undefined, openid: string | null): AuditActor['role'] {
  if (account?.staff && account.roles?.includes('staff')) return account.staff.role;
  if (account?.deputy && account.roles?.includes('deputy')) return 'deputy';
  return openid ? 'resident' : 'anonymous';
}
