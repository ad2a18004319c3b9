import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import type { ActivityType } from '../../../shared/domain/duty';
import { createDutyActivity, initialDutyActivityState, type DutyActivityState } from './model';

definePage<DutyActivityState, Record<string, never>, ReturnType<typeof createDutyActivity>>({
  name: 'duty-activity',
  privacy: 'onDemand',
  data: initialDutyActivityState,
  model: (page) => createDutyActivity(page.render),
  refresh: (activity) => activity.load(),
  events: {
    onChooseType: (activity, event: TapEvent<{ type: ActivityType }>) => activity.choose(event.currentTarget.dataset.type),
    onDate: (activity, event: InputEvent) => activity.set('date', event.detail.value),
    onPlace: (activity, event: InputEvent) => activity.set('place', event.detail.value),
    onNote: (activity, event: InputEvent) => activity.set('note', event.detail.value),
    onAddPhotos: (activity) => activity.addPhotos(),
    onRemovePhoto: (activity, event: TapEvent<{ key: string }>) => activity.removePhoto(event.currentTarget.dataset.key),
    onSubmit: (activity) => activity.submit(),
  },
});
