import type { StaffScope } from '../../miniprogram/shared/domain/account';
import type { OneTimeCode } from './bindingCodes';

/**
 * A one-time code an administrator issues so a staff member or a department's handler can bind
 * their WeChat account to that role (admin.issueStaffCode → account.bindStaff). The same code
 * alphabet, length and validity as deputies' binding codes (shared/domain/bindingCode.ts), in a
 * collection of its own, so a staff code typed as a deputy code is simply not found. The code
 * itself is the document id.
 */
export interface StaffCodeDocument extends OneTimeCode {
  scope: StaffScope;
  /** The person it is for. */
  name: string;
}
