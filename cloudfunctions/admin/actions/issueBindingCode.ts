import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../../infra/database';
import { BINDING_CODE_LENGTH, BINDING_CODE_VALID_DAYS, bindingCodeFrom } from '../../../miniprogram/shared/domain/bindingCode';
import type { BindingCodeDocument } from '../../core/bindingCodes';
import { isDuplicateWrite } from '../../core/databaseErrors';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { deputyInScope, loadStaff } from '../staffScope';

const DAY_MS = 86_400_000;
const MAX_ATTEMPTS = 5;

/**
 * Staff issue a one-time code binding a WeChat account to a deputy record, valid for seven days.
 * Codes issued earlier for the same deputy and not yet used are revoked: one live code per
 * deputy, so a lost slip of paper stops working once a new one is printed. Four database requests.
 */
export const issueBindingCode: Handler<'admin.issueBindingCode'> = async ({ deputyId }, ctx) => {
  const { openid, scope } = await loadStaff(ctx);
  const { db, now } = ctx;
  const deputy = await deputyInScope(db, scope, deputyId);
  if (!deputy.active) fail('ADMIN.TARGET_INACTIVE');

  const codes = db.collection(COLLECTIONS.bindingCodes);
  await codes.where({ deputyId, usedAt: null, revokedAt: null }).update({ revokedAt: now });
  const expiresAt = new Date(now.getTime() + BINDING_CODE_VALID_DAYS * DAY_MS);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const code = bindingCodeFrom(randomBytes(BINDING_CODE_LENGTH));
    const issued: BindingCodeDocument = { _id: code, code, deputyId, issuedBy: openid, createdAt: now, expiresAt, usedAt: null, usedBy: null, revokedAt: null };
    try {
      await codes.add(issued);
      return { code, deputyId, deputyName: deputy.name, expiresAt: expiresAt.toISOString() };
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
  }
  throw new Error(`no free binding code after ${MAX_ATTEMPTS} attempts`);
};
