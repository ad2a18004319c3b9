import { COLLECTIONS } from '../../../infra/database';
import type { Area } from '../../../miniprogram/shared/domain/directory';
import { scopeCovers } from '../../core/caller';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { departmentIdFor, departmentView, type DepartmentDocument } from '../departments';
import { loadStaff } from '../staffScope';

/**
 * Area staff and administrators keep the departments (承办单位) of the areas they cover: create
 * one, or replace its fields. Moving it to another area needs that area in scope too; station
 * staff cover no area. A rename reaches the department's handlers' accounts. A new department's
 * id derives from the caller and the client request id, so a retried (or racing) create answers
 * the department the first one made and stores nothing. Three database requests to create (four
 * for a retry), four to edit (five with a rename).
 */
export const saveDepartment: Handler<'admin.saveDepartment'> = async ({ departmentId, clientRequestId, ...fields }, ctx) => {
  const { openid, scope } = await loadStaff(ctx);
  const { db, now } = ctx;
  const _ = db.command;
  const departments = db.collection(COLLECTIONS.departments);
  // The contract requires a client request id to create.
  const createdId = departmentId ? null : departmentIdFor(openid, clientRequestId ?? '');
  const [areaRows, existingRows] = await Promise.all([
    db.collection(COLLECTIONS.areas).where({ _id: fields.areaId }).limit(1).get(),
    departmentId ? departments.where({ _id: departmentId }).limit(1).get() : Promise.resolve({ data: [] }),
  ]);
  const area = (areaRows.data as Area[])[0];
  const existing = (existingRows.data as DepartmentDocument[])[0];
  if (departmentId && !existing) fail('DEPARTMENT.NOT_FOUND');
  if (existing && !scopeCovers(scope, { areaPath: existing.areaPath })) fail('ADMIN.OUT_OF_SCOPE');
  if (!area) fail('ADMIN.AREA_NOT_FOUND');
  if (!scopeCovers(scope, { areaPath: area.path })) fail('ADMIN.OUT_OF_SCOPE');

  const saved = { ...fields, areaPath: area.path, updatedAt: now };
  if (createdId) {
    const created: DepartmentDocument = { _id: createdId, ...saved, createdAt: now };
    try {
      await departments.add(created);
    } catch (error) {
      // A retry, or a racing copy, of this request stored it first: answer that one.
      if (!isDuplicateWrite(error)) throw error;
      const { data } = await departments.where({ _id: createdId }).limit(1).get();
      const stored = (data as DepartmentDocument[])[0];
      if (!stored) throw error;
      return { department: departmentView(stored) };
    }
    return { department: departmentView(created) };
  }
  const id = departmentId ?? '';
  await departments.doc(id).update({ ...saved, areaPath: _.set(area.path) });
  if (existing && existing.name !== fields.name) {
    await db
      .collection(COLLECTIONS.accounts)
      .where({ 'staff.departmentId': existing._id })
      .update({ staff: { departmentName: fields.name }, updatedAt: now });
  }
  return { department: departmentView({ _id: id, ...saved, createdAt: existing?.createdAt ?? now }) };
};
