import { createFunction } from '../core/handler';
import { withTimer } from '../core/timer';
import { acceptCase } from './actions/acceptCase';
import { answerCase } from './actions/answerCase';
import { assignCase } from './actions/assignCase';
import { runCaseworkTimer } from './runTimer';
import { DAILY_TRIGGER_NAME, EXPORTS_TRIGGER_NAME } from './config';
import { runExportJobs } from './exportJobs';
import { getExport } from './actions/getExport';
import { listExports } from './actions/listExports';
import { startExport } from './actions/startExport';
import { drillDown } from './actions/drillDown';
import { exportCases } from './actions/exportCases';
import { getCase } from './actions/getCase';
import { getFigures } from './actions/getFigures';
import { getStats } from './actions/getStats';
import { statsScreen } from './actions/statsScreen';
import { listAssigned } from './actions/listAssigned';
import { listCases } from './actions/listCases';
import { listFigureItems } from './actions/listFigureItems';
import { referBackCase } from './actions/referBackCase';
import { reopenCase } from './actions/reopenCase';
import { rerouteCase } from './actions/rerouteCase';
import { reviewCase } from './actions/reviewCase';
import { urgeCase } from './actions/urgeCase';

/**
 * Case handling (交办 → 办理 → 督办 → 回访) and oversight statistics: congress staff accept, assign,
 * review and urge the cases of their area; departments' handlers answer the cases assigned to them.
 */
const api = createFunction('casework', {
  'casework.list': listCases,
  'casework.listAssigned': listAssigned,
  'casework.get': getCase,
  'casework.accept': acceptCase,
  'casework.assign': assignCase,
  'casework.answer': answerCase,
  'casework.review': reviewCase,
  'casework.urge': urgeCase,
  'casework.referBack': referBackCase,
  'casework.reroute': rerouteCase,
  'casework.reopen': reopenCase,
  'casework.stats': getStats,
  'casework.statsScreen': statsScreen,
  'casework.drillDown': drillDown,
  'casework.export': exportCases,
  'casework.startExport': startExport,
  'casework.getExport': getExport,
  'casework.listExports': listExports,
  'casework.figures': getFigures,
  'casework.figureItems': listFigureItems,
});

/**
 * The entry point: the minutely exports timer writes queued background exports (exportJobs.ts); the
 * hourly timer (config.json) closes cases nobody rated in time, recounts deadlines once their year's
 * holidays are recorded and asks the 回访 of cases closed weeks ago; everything else is an API call, routed by the
 * contract exactly like every other function. A timer-shaped event from a user is not the timer and
 * reaches the router, which knows no such action.
 */
export const main = withTimer('casework', withTimer('casework', api, DAILY_TRIGGER_NAME, runCaseworkTimer), EXPORTS_TRIGGER_NAME, runExportJobs);
