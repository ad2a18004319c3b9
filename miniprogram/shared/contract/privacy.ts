import * as z from 'zod';
import type { Role } from '../domain/account';
import type { ModerationState } from '../domain/moderation';
import type { OpinionLocation } from '../domain/opinion';
import type { Contact } from '../domain/privacy';
import { action, namespaced } from './define';
import { cursor, docId, pageSize, paragraphText } from './fields';
import type { OpinionPhoto, Page } from './opinion';

/** Everything stored about the caller (个人信息查阅、复制): what `privacy.exportMyData` answers and writes to the file. */
export interface MyData {
  exportedAt: string;
  account: { roles: Role[]; preferences: Record<string, unknown>; createdAt?: string } | null;
  opinions: Array<{
    trackingNo: string;
    createdAt: string;
    category: string;
    text: string;
    photos: string[];
    location: OpinionLocation | null;
    contact: Contact | null;
    status: string;
    rating?: { value: string; comment?: string };
  }>;
  bookings: Array<{
    code: string;
    stationName: string;
    date: string;
    slotStart: string;
    slotEnd: string;
    name: string;
    phone: string;
    topic: string;
    status: string;
    createdAt: string;
  }>;
  receptionRecords: Array<{ stationId: string; visitorName: string; visitorPhone: string; recordedAt: string }>;
}

export interface MyDataExport {
  data: MyData;
  /** The same data as a JSON file in cloud storage, and a temporary HTTPS URL to download it until `expiresAt` (EXPORT_LINK_SECONDS, shared/domain/privacy.ts). */
  file: { fileID: string; url: string; name: string; expiresAt: string };
}

export interface DeleteAccountResult {
  /** What was anonymised or deleted. */
  opinions: number;
  bookings: number;
  receptionRecords: number;
  photosDeleted: number;
  /** Files of their data exports deleted from storage. */
  exportsDeleted: number;
  /** 述职评议 ratings removed (period open) or kept as anonymous votes (period ended), their comments removed. */
  reviewRatings: number;
}

/** One staff read of personal data (`audit_log`). */
export interface AuditEntry {
  _id: string;
  at: string;
  /** Who read, by role and name (联络站工作人员 张三, 代表 王志强): never their account id. */
  actor: string;
  actorRole: string;
  actorName?: string;
  /** The action that showed the data, e.g. `casework.get`. */
  action: string;
  /** The case (opinion id) or reception day whose personal data was shown. */
  subjectId: string;
  fields: string[];
  stationId?: string;
}

export const privacyActions = namespaced('privacy', {
  /** Everything stored about the caller, answered and written as a JSON file. */
  exportMyData: action<MyDataExport>()(z.strictObject({})),
  /** Deletes the caller's account: identity and contact data erased, the case history kept anonymous. */
  deleteAccount: action<DeleteAccountResult>()(z.strictObject({ confirm: z.boolean() })),
  /** Administrators: staff reads of personal data within their area, newest first. */
  listAuditLog: action<Page<AuditEntry>>()(z.strictObject({ subjectId: docId.optional(), cursor: cursor.optional(), pageSize: pageSize.optional() })),
});

/** An opinion in the content review queue, with what was flagged. */
export interface FlaggedItem {
  opinionId: string;
  trackingNo: string;
  stationName: string;
  createdAt: string;
  state: ModerationState;
  stateLabel: string;
  /** The text, and WeChat's label when the text itself was flagged. */
  text: string;
  textFlagged: boolean;
  textLabel?: number;
  /** The photos WeChat flagged, with temporary URLs for the reviewer. */
  photos: Array<OpinionPhoto & { verdict: 'review' | 'risky'; label?: number }>;
  /** Photos WeChat has not answered yet (not shown to others meanwhile). */
  pendingPhotos: number;
}

export interface ModerationResult {
  opinionId: string;
  state: ModerationState;
  stateLabel: string;
  /** Photos now visible to deputies and staff. */
  visiblePhotos: number;
}

export const moderationActions = namespaced('moderation', {
  /** Staff: opinions in their area with flagged content, oldest first. */
  listFlagged: action<Page<FlaggedItem>>()(z.strictObject({ cursor: cursor.optional(), pageSize: pageSize.optional() })),
  /** Staff publish everything flagged in the opinion. */
  approve: action<ModerationResult>()(z.strictObject({ opinionId: docId })),
  /** Staff reject everything flagged: held text is never published, flagged photos never shown. */
  reject: action<ModerationResult>()(z.strictObject({ opinionId: docId, note: paragraphText().min(2).max(200) })),
});
