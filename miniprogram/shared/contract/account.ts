import * as z from 'zod';
import { FONT_SCALES, type Profile } from '../domain/account';
import { isBindingCode, normalizeBindingCode } from '../domain/bindingCode';
import { action, namespaced } from './define';

/** As the deputy types it: any case, spaces and dashes allowed. */
const bindingCode = z.string().max(32).transform(normalizeBindingCode).refine(isBindingCode, { message: '绑定码是8位字母和数字，请核对后重新输入' });

export const accountActions = namespaced('account', {
  getProfile: action<Profile>()(z.strictObject({})),
  updatePreferences: action<Profile>()(z.strictObject({ fontScale: z.enum(FONT_SCALES) })),
  /** Makes the caller's WeChat account the deputy a one-time binding code was issued for. */
  bindDeputy: action<Profile>()(z.strictObject({ code: bindingCode })),
  /** Makes the caller's WeChat account the staff member or handler a one-time staff code was issued for. */
  bindStaff: action<Profile>()(z.strictObject({ code: bindingCode })),
});
