import { STAFF_ROLE_LABELS, type StaffRole } from './account';
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

/** Who may appear in the audit log as having been shown someone else's personal data. */
export type AuditActorRole = StaffRole | 'deputy' | 'resident' | 'anonymous';

const AUDIT_ACTOR_ROLE_LABELS: Record<AuditActorRole, string> = { ...STAFF_ROLE_LABELS, deputy: '代表', resident: '群众', anonymous: '未登录用户' };

/** How the audit log names a reader: their role, and their name when they have one on record (联络站工作人员 张三); never an account id. */
export function auditActorLabel(role: AuditActorRole, name?: string): string {
  return name ? `${AUDIT_ACTOR_ROLE_LABELS[role]} ${name}` : AUDIT_ACTOR_ROLE_LABELS[role];
}

/** How long the download link of a data export lives: ten minutes, enough to copy and open it. */
export const EXPORT_LINK_SECONDS = 600;

/** What a deleted account's name becomes where a record of the visit has to keep a name. */
export const ERASED_NAME = '已注销用户';
