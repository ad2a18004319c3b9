/**
 * The refusals the engine answers with. Codes are the ones CloudBase itself answers, so code written
 * against the cloud (`if (e.code === 'DATABASE_DUPLICATE_WRITE')`) behaves the same offline; each one
 * is listed on https://docs.cloudbase.net/error-code/ (general codes under error-code/basic).
 * Messages name the local cause and, where it helps, what to do about it.
 */

export const ERROR_CODES = {
  /** Request body is malformed: missing collectionName, bad EJSON, bad limit, … */
  invalidParam: 'INVALID_PARAM',
  /** An action this runtime does not know (not a database action, or a misspelled one). */
  invalidAction: 'INVALID_ACTION',
  /** The request is well formed but not allowed here. */
  invalidOperation: 'INVALID_OPERATION',
  collectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  /** createCollection of a name that exists (CloudBase: "creation fails if the collection exists"). */
  collectionAlreadyExist: 'DATABASE_COLLECTION_ALREADY_EXIST',
  duplicateWrite: 'DATABASE_DUPLICATE_WRITE',
  /** CloudBase's own spelling (sic): an operator the database does not support. */
  invalidOperator: 'DATABASE_INVALID_OPERRATOR',
  /** The database rejected a well-formed request (MongoDB-level evaluation error). */
  requestFailed: 'DATABASE_REQUEST_FAILED',
  /** A transaction that does not exist (never started, committed, aborted or expired). */
  transactionFail: 'DATABASE_TRANSACTION_FAIL',
  /** A transaction's write lost to another writer; runTransaction retries on this code alone. */
  transactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  systemError: 'SYS_ERR',
  /**
   * Local only (CloudBase manages its own disks): the disk holding the data folder is full, nothing
   * was written, and the same request may succeed once there is room.
   */
  diskFull: 'DATABASE_DISK_FULL',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export class DatabaseError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

export const invalidParam = (message: string): DatabaseError => new DatabaseError(ERROR_CODES.invalidParam, message);

export const unsupportedOperator = (operator: string, reason: string): DatabaseError =>
  new DatabaseError(ERROR_CODES.invalidOperator, `${operator} is not supported by the local CloudBase runtime: ${reason}`);

export const collectionNotExist = (collection: string): DatabaseError =>
  new DatabaseError(ERROR_CODES.collectionNotExist, `[ResourceNotFound] Db or Table not exist: collection "${collection}" is neither declared in infra/database.ts nor created`);
