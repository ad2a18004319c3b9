import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { StaffCaseView } from '../../../shared/contract/casework';
import { navigateTo } from '../../../services/wx';
import { STAFF_STATS_URL } from '../../../routes';
import { caseQueueMethods } from '../case-queue-page';
import { createStaffCases, initialCasesState, isStaffCaseView } from './model';

Component({
  behaviors: [fontScaleBehavior],
  data: initialCasesState(),
  methods: {
    ...caseQueueMethods<StaffCaseView, { view?: string }>((page, query) => {
      const view: StaffCaseView = isStaffCaseView(query.view) ? query.view : 'toAccept';
      page.setData({ view });
      return createStaffCases(view, (change) => page.setData(change));
    }),
    onStats() {
      return navigateTo(STAFF_STATS_URL);
    },
  },
});
