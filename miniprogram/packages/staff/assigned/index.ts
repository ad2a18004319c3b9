import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { HandlerCaseView } from '../../../shared/contract/casework';
import { caseQueueMethods } from '../case-queue-page';
import { createAssignedCases, initialAssignedState } from './model';

Component({
  behaviors: [fontScaleBehavior],
  data: initialAssignedState(),
  methods: {
    ...caseQueueMethods<HandlerCaseView>((page) => createAssignedCases((change) => page.setData(change))),
  },
});
