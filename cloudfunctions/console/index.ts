import { createFunction } from '../core/handler';
import { confirmTicket } from './actions/confirmTicket';
import { endSession } from './actions/endSession';
import { getTicket } from './actions/getTicket';
import { listSessions } from './actions/listSessions';
import { openTicket } from './actions/openTicket';
import { redeemTicket } from './actions/redeemTicket';

/** The staff console's sign-in by scanning and its sessions (issue 16). */
export const main = createFunction('console', {
  'console.openTicket': openTicket,
  'console.getTicket': getTicket,
  'console.confirmTicket': confirmTicket,
  'console.redeemTicket': redeemTicket,
  'console.listSessions': listSessions,
  'console.endSession': endSession,
});
