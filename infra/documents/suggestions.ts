import { retryDocumentId } from './requestIds';
import type { AreaKind } from '../../miniprogram/shared/domain/directory';
import type { DeputyLevel } from '../../miniprogram/shared/domain/directory';
import type { SuggestionRecord } from '../../miniprogram/shared/domain/suggestion';

/**
 * A session (会议) of a congress: the congress is its area's (临江市, 江南区, 北山镇), and deputies of
 * that congress submit suggestions to it while it accepts them. Stored in `suggestion_sessions`.
 */
export interface SessionDocument {
  _id: string;
  areaId: string;
  /** The area and every area above it: staff scopes match with one `in`. */
  areaPath: string[];
  areaName: string;
  areaKind: AreaKind;
  name: string;
  acceptsFrom: string;
  acceptsUntil: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

/** The deputies of a congress: a city's are 市人大代表, a district's 县（区）人大代表, a township's 乡（镇）人大代表. */
export const CONGRESS_LEVEL: Partial<Record<AreaKind, DeputyLevel>> = { city: 'city', district: 'county', township: 'township' };

/** The same deputy creating with the same client request id lands on the same suggestion (a retried first save). */
export function suggestionIdFor(deputyId: string, clientRequestId: string): string {
  return retryDocumentId('suggestion', deputyId, clientRequestId);
}

export function sessionIdFor(openid: string, clientRequestId: string): string {
  return retryDocumentId('session', openid, clientRequestId);
}

/** A suggestion as stored in `suggestions`: the planners' record, where it belongs, and a version that guards every write. */
export interface SuggestionDocument extends SuggestionRecord {
  _id: string;
  clientRequestId: string;
  sessionId: string;
  sessionName: string;
  /** The congress's area and every area above it: staff of these areas handle it. */
  areaPath: string[];
  /** The delegation (代表团) the lead deputy belongs to: the area below the congress's on the way to their station. */
  delegationAreaId: string;
  delegationAreaName: string;
  /** Raised by every write; a write is conditional on it, so of two writers exactly one wins and the other reads again. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Where a new draft belongs: its session and the lead deputy's delegation. */
export interface DraftPlace {
  session: Pick<SessionDocument, '_id' | 'name' | 'areaPath'>;
  delegation: { _id: string; name: string };
  deputy: { _id: string; name: string };
}

/** A new draft as first stored, before its fields are set by the draft planner. */
export function newSuggestionDocument(_id: string, clientRequestId: string, place: DraftPlace, now: Date): SuggestionDocument {
  return {
    _id,
    clientRequestId,
    sessionId: place.session._id,
    sessionName: place.session.name,
    areaPath: [...place.session.areaPath],
    delegationAreaId: place.delegation._id,
    delegationAreaName: place.delegation.name,
    version: 0,
    status: 'draft',
    statusChangedAt: now,
    leadDeputyId: place.deputy._id,
    leadDeputyName: place.deputy.name,
    title: '',
    cause: '',
    content: '',
    category: 'other',
    opinions: [],
    toldOpinionIds: [],
    coSigners: [],
    coSignerIds: [],
    kind: null,
    number: null,
    submittedAt: null,
    registeredAt: null,
    assignedAt: null,
    answeredAt: null,
    closedAt: null,
    mode: null,
    units: [],
    unitIds: [],
    activeUnitIds: [],
    assistUnitIds: [],
    leadDepartmentId: null,
    leadDepartmentName: null,
    deadline: null,
    extension: null,
    extensionMonths: 0,
    answers: [],
    answerClass: null,
    answeredOnTime: null,
    followUp: false,
    verdict: null,
    verdicts: [],
    rehandleCount: 0,
    key: null,
    referralCount: 0,
    referralOpen: false,
    bounced: false,
    remindersSent: [],
    timeline: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** The document as it is after a planned change is written. */
export function withChange(doc: SuggestionDocument, set: Partial<SuggestionRecord>, events: SuggestionRecord['timeline'], now: Date): SuggestionDocument {
  return { ...doc, ...set, timeline: [...doc.timeline, ...events], version: doc.version + 1, updatedAt: now };
}
