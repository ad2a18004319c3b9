import { createFunction } from '../core/handler';
import { withTimer } from '../core/timer';
import { answerSuggestion } from './actions/answerSuggestion';
import { assignSuggestion } from './actions/assignSuggestion';
import { decideExtension } from './actions/decideExtension';
import { drillDown } from './actions/drillDown';
import { exportSuggestions } from './actions/exportSuggestions';
import { followUp } from './actions/followUp';
import { getStats } from './actions/getStats';
import { getSuggestion } from './actions/getSuggestion';
import { listAssigned } from './actions/listAssigned';
import { listMine } from './actions/listMine';
import { listSessions } from './actions/listSessions';
import { listSuggestions } from './actions/listSuggestions';
import { markKey } from './actions/markKey';
import { rateSuggestion } from './actions/rateSuggestion';
import { referBack } from './actions/referBack';
import { requestExtension } from './actions/requestExtension';
import { rerouteSuggestion } from './actions/rerouteSuggestion';
import { respondInvitation } from './actions/respondInvitation';
import { reviewSuggestion } from './actions/reviewSuggestion';
import { saveDraft } from './actions/saveDraft';
import { saveSession } from './actions/saveSession';
import { sendView } from './actions/sendView';
import { sessionsScreen } from './actions/sessionsScreen';
import { submitSuggestion } from './actions/submitSuggestion';
import { DAILY_TRIGGER_NAME } from './config';
import { runSuggestionTimer } from './runTimer';

/**
 * 代表建议 from draft to the deputy's verdict: deputies draft, co-sign and judge; congress staff
 * review, assign, supervise and count; units' handlers answer, ask for time or send back.
 */
const api = createFunction('suggestion', {
  'suggestion.listSessions': listSessions,
  'suggestion.sessionsScreen': sessionsScreen,
  'suggestion.saveSession': saveSession,
  'suggestion.saveDraft': saveDraft,
  'suggestion.submit': submitSuggestion,
  'suggestion.listMine': listMine,
  'suggestion.get': getSuggestion,
  'suggestion.respond': respondInvitation,
  'suggestion.rate': rateSuggestion,
  'suggestion.list': listSuggestions,
  'suggestion.review': reviewSuggestion,
  'suggestion.assign': assignSuggestion,
  'suggestion.markKey': markKey,
  'suggestion.decideExtension': decideExtension,
  'suggestion.reroute': rerouteSuggestion,
  'suggestion.listAssigned': listAssigned,
  'suggestion.sendView': sendView,
  'suggestion.answer': answerSuggestion,
  'suggestion.requestExtension': requestExtension,
  'suggestion.referBack': referBack,
  'suggestion.followUp': followUp,
  'suggestion.stats': getStats,
  'suggestion.drillDown': drillDown,
  'suggestion.export': exportSuggestions,
});

/**
 * The entry point: the hourly timer (config.json) reminds units before their deadlines, once a
 * day; everything else is an API call routed by the contract.
 */
export const main = withTimer('suggestion', api, DAILY_TRIGGER_NAME, runSuggestionTimer);
