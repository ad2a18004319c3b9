import { COLLECTIONS, type CollectionName } from '../database';

/** Where a resident's personal data sits in a stored document, and whose it is. */
export interface PersonalFields {
  /** Dotted paths of the personal values, with the name the audit log gives each. */
  fields: Record<string, 'name' | 'phone'>;
  /** The path of the owner's OPENID: their own data is not "someone else's". */
  owner: string;
  /** The path of what an audit entry is about (a reception day, a case); the document's own id when absent. */
  subject?: string;
}

/**
 * Every collection holding residents' names or phones. The data-access door (cloudfunctions/core/personalData.ts)
 * watches reads of exactly these; a new collection with personal data is declared here or it goes unaudited
 * (test/security/matrix.test.ts catches an action that answers a name or phone without an entry).
 */
export const PERSONAL_DATA: Partial<Record<CollectionName, PersonalFields>> = {
  [COLLECTIONS.bookings]: { fields: { name: 'name', phone: 'phone' }, owner: 'openid', subject: 'dayId' },
  [COLLECTIONS.receptionRecords]: { fields: { visitorName: 'name', visitorPhone: 'phone' }, owner: 'visitorOpenid', subject: 'dayId' },
  [COLLECTIONS.opinions]: { fields: { 'contact.name': 'name', 'contact.phone': 'phone' }, owner: 'authorOpenid' },
};
