import { retryDocumentId } from '../../infra/documents/requestIds';
import type { Department } from '../../miniprogram/shared/contract/admin';

/** `departments`: a department (承办单位) of an area; `areaPath` is its area and every area above. */
export interface DepartmentDocument extends Department {
  areaPath: string[];
  createdAt: Date;
  updatedAt: Date;
}

export function departmentView(department: DepartmentDocument): Department {
  return { _id: department._id, name: department.name, areaId: department.areaId, active: department.active };
}

/** The same caller creating with the same client request id lands on the same department id (a retry). */
export function departmentIdFor(openid: string, clientRequestId: string): string {
  return retryDocumentId('department', openid, clientRequestId);
}
