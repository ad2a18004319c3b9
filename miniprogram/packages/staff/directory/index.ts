import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { staffStationEditUrl } from '../routes';
import { createStaffDirectory, initialStaffDirectoryState } from './model';

definePage({
  name: 'staff-directory',
  data: initialStaffDirectoryState,
  model: (page) => createStaffDirectory(page.render),
  /** Back from a station's form: a new or renamed station shows. */
  refresh: (directory) => directory.refresh(),
  events: {
    onStation: (_directory, event: TapEvent<{ id: string }>) => navigateTo(staffStationEditUrl(event.currentTarget.dataset.id)),
    onNewStation: () => navigateTo(staffStationEditUrl()),
  },
});
