/**
 * What a resident has typed into an opinion form, kept on the phone per target (deputy or
 * station) on every change, and cleared only once the opinion is submitted. The draft carries
 * its own `clientRequestId`: every retry of its submit sends the same one, so an answer lost
 * on a weak network never turns into a second opinion.
 */
import { OPINION_CATEGORIES, type OpinionCategory } from '../shared/domain/opinion';
import type { SceneKind } from '../shared/domain/scene';
import { readStorage, removeStorage, writeStorage } from '../services/wx';
import { randomId } from '../utils/random';

/** A photo already in cloud storage, and where the phone can still show it from. */
export interface DraftPhoto {
  fileID: string;
  localPath: string;
}

export interface DraftLocation {
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}

export interface OpinionDraft {
  clientRequestId: string;
  category: OpinionCategory | '';
  text: string;
  photos: DraftPhoto[];
  location: DraftLocation | null;
  name: string;
  phone: string;
  mayContact: boolean;
}

export interface DraftTarget {
  kind: SceneKind;
  id: string;
}

export function draftKey(target: DraftTarget): string {
  return `opinion.draft.${target.kind}.${target.id}`;
}

export function newDraft(): OpinionDraft {
  return { clientRequestId: randomId(), category: '', text: '', photos: [], location: null, name: '', phone: '', mayContact: false };
}

/** The draft for this target, or a new one; of a damaged record, whatever can still be read is kept. */
export function loadDraft(target: DraftTarget): OpinionDraft {
  const stored = readStorage(draftKey(target));
  if (typeof stored !== 'object' || stored === null) return newDraft();
  const record = stored as Partial<Record<keyof OpinionDraft, unknown>>;
  const fresh = newDraft();
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    clientRequestId: typeof record.clientRequestId === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(record.clientRequestId) ? record.clientRequestId : fresh.clientRequestId,
    category: OPINION_CATEGORIES.includes(record.category as OpinionCategory) ? (record.category as OpinionCategory) : '',
    text: text(record.text),
    photos: Array.isArray(record.photos) ? record.photos.filter(isDraftPhoto) : [],
    location: isDraftLocation(record.location) ? record.location : null,
    name: text(record.name),
    phone: text(record.phone),
    mayContact: record.mayContact === true,
  };
}

export function saveDraft(target: DraftTarget, draft: OpinionDraft): void {
  writeStorage(draftKey(target), draft);
}

export function clearDraft(target: DraftTarget): void {
  removeStorage(draftKey(target));
}

function isDraftPhoto(value: unknown): value is DraftPhoto {
  const photo = value as Partial<DraftPhoto> | null;
  return typeof photo === 'object' && photo !== null && typeof photo.fileID === 'string' && typeof photo.localPath === 'string';
}

function isDraftLocation(value: unknown): value is DraftLocation {
  const place = value as Partial<DraftLocation> | null;
  return (
    typeof place === 'object' &&
    place !== null &&
    typeof place.latitude === 'number' &&
    typeof place.longitude === 'number' &&
    typeof place.name === 'string' &&
    typeof place.address === 'string'
  );
}
