/**
 * The one declaration of the cloud database: collections, their indexes and security rules.
 * Applied to the local runtime at start (runtime/database) and to a real CloudBase
 * environment by scripts/apply-database.ts. Cloud functions import collection names from here.
 */

export const COLLECTIONS = {
  areas: 'areas',
  stations: 'stations',
  deputies: 'deputies',
  accounts: 'accounts',
  receptionDays: 'reception_days',
  opinions: 'opinions',
  counters: 'counters',
  bindingCodes: 'binding_codes',
  bookings: 'bookings',
  receptionRecords: 'reception_records',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

export interface IndexKey {
  field: string;
  direction: 1 | -1;
}

export interface IndexSpec {
  /** Stable name, as CloudBase shows it in the console. */
  name: string;
  keys: IndexKey[];
  unique?: boolean;
}

/**
 * CloudBase "custom" security rule. Clients never touch the database directly:
 * every read and write goes through a cloud function, which uses admin rights.
 */
export interface SecurityRule {
  read: boolean;
  write: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  rule: SecurityRule;
}

const DENY_ALL_CLIENTS: SecurityRule = { read: false, write: false };

const asc = (...fields: string[]): IndexKey[] => fields.map((field) => ({ field, direction: 1 }));

export const DATABASE: readonly CollectionSpec[] = [
  {
    name: COLLECTIONS.areas,
    indexes: [{ name: 'parentId_1', keys: asc('parentId') }],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.stations,
    indexes: [
      { name: 'code_1', keys: asc('code'), unique: true },
      { name: 'areaPath_1', keys: asc('areaPath') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.deputies,
    indexes: [
      { name: 'code_1', keys: asc('code'), unique: true },
      { name: 'stationIds_1', keys: asc('stationIds') },
      { name: 'name_1', keys: asc('name') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.accounts,
    indexes: [],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.receptionDays,
    indexes: [{ name: 'stationId_1_date_1', keys: asc('stationId', 'date'), unique: true }],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.opinions,
    indexes: [
      { name: 'trackingNo_1', keys: asc('trackingNo'), unique: true },
      { name: 'authorOpenid_1', keys: asc('authorOpenid') },
      { name: 'deputyId_1', keys: asc('deputyId') },
      { name: 'stationId_1', keys: asc('stationId') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.counters,
    indexes: [],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.bindingCodes,
    indexes: [
      { name: 'code_1', keys: asc('code'), unique: true },
      { name: 'deputyId_1', keys: asc('deputyId') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.bookings,
    indexes: [
      { name: 'openid_1', keys: asc('openid') },
      { name: 'dayId_1', keys: asc('dayId') },
    ],
    rule: DENY_ALL_CLIENTS,
  },
  {
    name: COLLECTIONS.receptionRecords,
    indexes: [{ name: 'dayId_1', keys: asc('dayId') }],
    rule: DENY_ALL_CLIENTS,
  },
];
