import { createFunction } from '../core/handler';
import { deleteAccount } from './actions/deleteAccount';
import { exportMyData } from './actions/exportMyData';
import { listAuditLog } from './actions/listAuditLog';

/** Personal information (个人信息): a resident's own data, exported or deleted; administrators' audit log of staff reads. */
export const main = createFunction('privacy', {
  'privacy.exportMyData': exportMyData,
  'privacy.deleteAccount': deleteAccount,
  'privacy.listAuditLog': listAuditLog,
});
