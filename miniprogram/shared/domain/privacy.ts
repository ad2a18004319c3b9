import { maskPhone } from './phone';

/** What a resident left to be reached by, as stored with an opinion. */
export interface Contact {
  name?: string;
  phone?: string;
  mayContact: boolean;
}

/**
 * The contact as someone other than the resident sees it. The phone is in full only when the
 * reader was granted it (for an opinion: the resident consented to be called); otherwise 138****5678.
 */
export function contactFor(contact: Contact | null | undefined, phoneGranted: boolean): Contact | null {
  if (!contact) return null;
  const shown: Contact = { mayContact: contact.mayContact };
  if (contact.name) shown.name = contact.name;
  if (contact.phone) shown.phone = phoneGranted ? contact.phone : maskPhone(contact.phone);
  return shown;
}

/** An opinion's phone is granted to deputies and staff only with the resident's consent to be called. */
export function opinionPhoneGranted(contact: Contact | null | undefined): boolean {
  return contact?.mayContact === true;
}

/** Personal fields a reader was shown in full: what the audit log records. Masked phones are not personal data. */
export function revealedFields(shown: { name?: string; phone?: string } | null | undefined): Array<'name' | 'phone'> {
  const fields: Array<'name' | 'phone'> = [];
  if (shown?.name) fields.push('name');
  if (shown?.phone && !shown.phone.includes('*')) fields.push('phone');
  return fields;
}

/** What a deleted account's name becomes where a record of the visit has to keep a name. */
export const ERASED_NAME = '已注销用户';
