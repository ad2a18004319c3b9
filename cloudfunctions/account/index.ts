import { createFunction } from '../core/handler';
import { getProfile } from './getProfile';
import { updatePreferences } from './updatePreferences';

/** The caller's own account: roles and display preferences. */
export const main = createFunction('account', {
  'account.getProfile': getProfile,
  'account.updatePreferences': updatePreferences,
});
