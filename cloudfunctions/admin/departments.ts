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
