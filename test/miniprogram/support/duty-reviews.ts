import { addDays } from '../../../miniprogram/shared/domain/time';
import { callAs } from './runtime-calls';

/**
 * 江南区's 述职评议 of 刘德明 (dp-005) in `today`'s year, opened by `staff` for fourteen days from
 * `today` to everyone who scans the station's code. Answers what the action does (the review's id).
 */
export function openLiuStationReview(runtimeUrl: string, staff: string, today: string, named: { clientRequestId: string; title: string }) {
  return callAs(runtimeUrl, staff, 'duty.openReview', {
    ...named,
    areaId: 'area-jiangnan',
    year: Number(today.slice(0, 4)),
    deputyIds: ['dp-005'],
    opensOn: today,
    closesOn: addDays(today, 14),
    audience: 'stationVisitors',
  });
}
