import { createFunction } from '../core/handler';
import { bindDeputy } from './bindDeputy';
import { bindStaff } from './bindStaff';
import { getProfile } from './getProfile';
import { updatePreferences } from './updatePreferences';

/** The caller's own account: roles, display preferences, and binding to a deputy record or a staff role. */
export const main = createFunction('account', {
  'account.getProfile': getProfile,
  'account.updatePreferences': updatePreferences,
  'account.bindDeputy': bindDeputy,
  'account.bindStaff': bindStaff,
});
