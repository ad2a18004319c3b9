import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { staffStationEditUrl } from '../routes';
import { createStaffDirectory, initialStaffDirectoryState, type StaffDirectoryState } from './model';
import { returnDetector } from '../../../utils/return-detector';

const directories = new WeakMap<object, ReturnType<typeof createStaffDirectory>>();
const isReturn = returnDetector();

Component({
  behaviors: [fontScaleBehavior],
  data: initialStaffDirectoryState(),
  methods: {
    onLoad() {
      const directory = createStaffDirectory((change: Partial<StaffDirectoryState>) => this.setData(change));
      directories.set(this, directory);
      return directory.start();
    },
    /** Back from a station's form: a new or renamed station shows. */
    onShow() {
      if (!isReturn(this)) return undefined;
      return directories.get(this)?.refresh();
    },
    onRetry() {
      return directories.get(this)?.retry();
    },
    onStation(event: TapEvent<{ id: string }>) {
      return navigateTo(staffStationEditUrl(event.currentTarget.dataset.id));
    },
    onNewStation() {
      return navigateTo(staffStationEditUrl());
    },
  },
});
