import { definePage } from '../../../factory/define-page';
import { createDutyRecord, initialDutyRecordState, type DutyRecordState } from './model';

definePage<DutyRecordState, { deputyId?: string }, ReturnType<typeof createDutyRecord>>({
  name: 'duty-record',
  data: initialDutyRecordState,
  model: (page) => createDutyRecord(page.render, page.query.deputyId),
  refresh: (record) => record.load(),
  events: {
    onPreviousYear: (record) => record.changeYear(-1),
    onNextYear: (record) => record.changeYear(1),
  },
});
