import { createFunction } from '../core/handler';
import { withTimer } from '../core/timer';
import { addActivity } from './actions/addActivity';
import { answerComment } from './actions/answerComment';
import { askLeave } from './actions/askLeave';
import { contest } from './actions/contest';
import { decideContest } from './actions/decideContest';
import { exportRecords } from './actions/exportRecords';
import { getFigures } from './actions/getFigures';
import { getRecord } from './actions/getRecord';
import { getReport } from './actions/getReport';
import { getRules } from './actions/getRules';
import { listDeputies } from './actions/listDeputies';
import { listHeldComments, moderateComment } from './actions/moderateComments';
import { listPending } from './actions/listPending';
import { listReviews } from './actions/listReviews';
import { openReview } from './actions/openReview';
import { rateReport } from './actions/rateReport';
import { reviewActivity } from './actions/reviewActivity';
import { saveReport } from './actions/saveReport';
import { saveRules } from './actions/saveRules';
import { saveSettings } from './actions/saveSettings';
import { setAttendance } from './actions/setAttendance';
import { runDutyExports } from './exportJob';
import { publishFigures } from './publishFigures';

/**
 * 代表履职: the duty record derived at read time from what deputies already do (roster days,
 * receptions, opinions, suggestions) plus activities staff confirm; points under dated rules;
 * 亮分 for residents; 述职评议 periods residents rate once.
 */
const api = createFunction('duty', {
  'duty.getRecord': getRecord,
  'duty.listDeputies': listDeputies,
  'duty.listPending': listPending,
  'duty.addActivity': addActivity,
  'duty.reviewActivity': reviewActivity,
  'duty.contest': contest,
  'duty.decideContest': decideContest,
  'duty.askLeave': askLeave,
  'duty.setAttendance': setAttendance,
  'duty.getRules': getRules,
  'duty.saveRules': saveRules,
  'duty.saveSettings': saveSettings,
  'duty.export': exportRecords,
  'duty.figures': getFigures,
  'duty.openReview': openReview,
  'duty.listReviews': listReviews,
  'duty.getReport': getReport,
  'duty.saveReport': saveReport,
  'duty.rateReport': rateReport,
  'duty.answerComment': answerComment,
  'duty.listHeldComments': listHeldComments,
  'duty.moderateComment': moderateComment,
});

/**
 * The hourly timer (config.json) publishes this year's 亮分 for the directory's pages; the minutely
 * exports timer takes a turn of a large scope's export of another year (exportJob.ts); everything
 * else is an API call.
 */
export const main = withTimer('duty', withTimer('duty', api, 'dutyHourly', publishFigures), 'dutyExports', runDutyExports);
