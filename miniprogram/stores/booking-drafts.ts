/**
 * What a resident has typed into a booking form, kept on the phone per reception day on every
 * change and cleared only once the booking is made. The draft's `clientRequestId` goes with
 * every retry of its submit, so an answer lost on a weak network never books twice. Name and
 * phone are remembered after a booking, so the next one starts filled in.
 */
import { readStorage, removeStorage, writeStorage } from '../services/wx';
import { randomId } from '../utils/random';

export interface BookingDraft {
  clientRequestId: string;
  topic: string;
  name: string;
  phone: string;
  /** The resident lets the deputies receiving them see their phone in full; off unless they turn it on. */
  shareContact: boolean;
}

const CONTACT_KEY = 'booking.contact';

export function bookingDraftKey(dayId: string): string {
  return `booking.draft.${dayId}`;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The draft for this day, or a new one with the remembered name and phone; `restored` when there was one. */
export function loadBookingDraft(dayId: string): { draft: BookingDraft; restored: boolean } {
  const stored = readStorage(bookingDraftKey(dayId)) as Partial<Record<keyof BookingDraft, unknown>> | undefined;
  if (typeof stored === 'object' && stored !== null) {
    const id = text(stored.clientRequestId);
    const draft = {
      clientRequestId: /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : randomId(),
      topic: text(stored.topic),
      name: text(stored.name),
      phone: text(stored.phone),
      shareContact: stored.shareContact === true,
    };
    return { draft, restored: !!(draft.topic || draft.name || draft.phone) };
  }
  const contact = readStorage(CONTACT_KEY) as { name?: unknown; phone?: unknown } | undefined;
  return { draft: { clientRequestId: randomId(), topic: '', name: text(contact?.name), phone: text(contact?.phone), shareContact: false }, restored: false };
}

export function saveBookingDraft(dayId: string, draft: BookingDraft): void {
  writeStorage(bookingDraftKey(dayId), draft);
}

/** The booking is made: the draft goes, the name and phone stay for next time. */
export function finishBookingDraft(dayId: string, draft: BookingDraft): void {
  removeStorage(bookingDraftKey(dayId));
  writeStorage(CONTACT_KEY, { name: draft.name.trim(), phone: draft.phone.trim() });
}
