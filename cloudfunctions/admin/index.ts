import { createFunction } from '../core/handler';
import { createQrCode } from './actions/createQrCode';
import { exportDirectory } from './actions/exportDirectory';
import { importDirectory } from './actions/importDirectory';
import { issueBindingCode } from './actions/issueBindingCode';
import { issueStaffCode } from './actions/issueStaffCode';
import { listDepartments } from './actions/listDepartments';
import { listHolidayYears } from './actions/listHolidayYears';
import { listStaff } from './actions/listStaff';
import { printPosters } from './actions/printPosters';
import { removeStaff } from './actions/removeStaff';
import { revokeBindingCode } from './actions/revokeBindingCode';
import { saveDepartment } from './actions/saveDepartment';
import { saveHolidayYear } from './actions/saveHolidayYear';
import { saveDeputy } from './actions/saveDeputy';
import { saveStation } from './actions/saveStation';
import { unbindDeputy } from './actions/unbindDeputy';

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
  'admin.importDirectory': importDirectory,
  'admin.exportDirectory': exportDirectory,
  'admin.printPosters': printPosters,
});
