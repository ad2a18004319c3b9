import { definePage } from '../../../factory/define-page';
import type { HandlerCaseView } from '../../../shared/contract/casework';
import { caseQueuePage } from '../case-queue-page';
import { createAssignedCases, initialAssignedState } from './model';

definePage(
  caseQueuePage<HandlerCaseView>({
    name: 'staff-assigned',
    data: initialAssignedState,
    queue: (page) => createAssignedCases(page.render),
  }),
);
