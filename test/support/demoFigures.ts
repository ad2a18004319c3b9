import type { FigureRates, FigureCounts } from '../../miniprogram/shared/domain/caseStats';

/**
 * 江南区's October in the demo seeded as if today were Saturday 2026-10-31
 * (runtime/seed/demoCasework.ts), read on Wednesday 2026-11-25: worked out by hand from that file
 * (test/functions/casework-stats.test.ts lists the cases). The statistics action must answer these
 * from the store, and the domain's rates must give these rates from these counts.
 */
export const JIANGNAN_OCTOBER: { counts: FigureCounts; firstResponseMs: number; rates: FigureRates } = {
  counts: {
    stationVisits: 9,
    residentsReceived: 6,
    collected: 9,
    accepted: 8,
    resolved: 5,
    departmentAnswered: 3,
    solved: 2,
    rated: 4,
    satisfied: 2,
    dissatisfied: 1,
    unrated: 1,
    overdue: 5,
    urged: 2,
    followedUp: 0,
    followUpSolved: 0,
    followUpUnsolved: 0,
  },
  // The first responses of the eight accepted: 167.5 + 163 + 182 + 24 + 23 + 23 + 30 + 126 hours.
  firstResponseMs: 738.5 * 3_600_000,
  rates: {
    acceptanceRate: 88.9,
    resolutionRate: 55.6,
    // 已解决 of the department answers approved: 01 and 04 of 01, 04, 10.
    solvedShare: 66.7,
    // 满意 + 基本满意 (01, 03) of everything rated, 未评价 (10) included.
    satisfactionRate: 50,
    // 738.5 h / 8.
    averageFirstResponseHours: 92.3,
    followUpSolvedRate: null,
  },
};
