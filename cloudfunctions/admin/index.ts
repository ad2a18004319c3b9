import { createFunction } from '../core/handler';
import { createQrCode } from './createQrCode';
import { issueBindingCode } from './issueBindingCode';
import { issueStaffCode } from './issueStaffCode';
import { listDepartments } from './listDepartments';
import { listHolidayYears } from './listHolidayYears';
import { listStaff } from './listStaff';
import { removeStaff } from './removeStaff';
import { revokeBindingCode } from './revokeBindingCode';
import { saveDepartment } from './saveDepartment';
import { saveHolidayYear } from './saveHolidayYear';
import { saveDeputy } from './saveDeputy';
import { saveStation } from './saveStation';
import { unbindDeputy } from './unbindDeputy';

/** Congress staff, within their scope: stations, deputies, binding codes, QR codes, departments, staff accounts and the holiday calendar. */
export const main = createFunction('admin', {
  'admin.saveStation': saveStation,
  'admin.saveDeputy': saveDeputy,
  'admin.issueBindingCode': issueBindingCode,
  'admin.revokeBindingCode': revokeBindingCode,
  'admin.unbindDeputy': unbindDeputy,
  'admin.createQrCode': createQrCode,
  'admin.saveDepartment': saveDepartment,
  'admin.listDepartments': listDepartments,
  'admin.issueStaffCode': issueStaffCode,
  'admin.listStaff': listStaff,
  'admin.removeStaff': removeStaff,
  'admin.listHolidayYears': listHolidayYears,
  'admin.saveHolidayYear': saveHolidayYear,
});
