import { createFunction } from '../core/handler';
import { bindDeputy } from './actions/bindDeputy';
import { bindStaff } from './actions/bindStaff';
import { getProfile } from './actions/getProfile';
import { updatePreferences } from './actions/updatePreferences';

/** The caller's own account: roles, display preferences, and binding to a deputy record or a staff role. */
export const main = createFunction('account', {
  'account.getProfile': getProfile,
  'account.updatePreferences': updatePreferences,
  'account.bindDeputy': bindDeputy,
  'account.bindStaff': bindStaff,
});
