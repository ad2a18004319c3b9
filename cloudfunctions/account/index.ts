import { createFunction } from '../core/handler';
import { bindDeputy } from './actions/bindDeputy';
import { bindStaff } from './actions/bindStaff';
import { getProfile } from './actions/getProfile';
import { grantSubscriptions } from './actions/grantSubscriptions';
import { countUnread, listMessages, readMessages } from './actions/messages';
import { updatePreferences } from './actions/updatePreferences';

/** The caller's own account: roles, display preferences, binding to a deputy record or a staff role, subscribe-message acceptances and 我的消息. */
export const main = createFunction('account', {
  'account.getProfile': getProfile,
  'account.updatePreferences': updatePreferences,
  'account.bindDeputy': bindDeputy,
  'account.bindStaff': bindStaff,
  'account.grantSubscriptions': grantSubscriptions,
  'account.listMessages': listMessages,
  'account.countUnread': countUnread,
  'account.readMessages': readMessages,
});
