import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { staffDeputyEditUrl } from '../routes';
import { createStationEdit, initialStationEditState, type TextField } from './model';

type FieldEvent = InputEvent<{ field: TextField }>;

definePage({
  name: 'staff-station-edit',
  privacy: 'onDemand',
  data: initialStationEditState,
  model: (page) => createStationEdit(page.query, page.render),
  /** Back from a deputy's form: the deputies here may have changed. */
  refresh: (form) => form.refreshDeputies(),
  events: {
    onInput: (form, event: FieldEvent) => form.setText(event.currentTarget.dataset.field, event.detail.value),
    onArea: (form, event: TapEvent<{ id: string }>) => form.chooseArea(event.currentTarget.dataset.id),
    onActive: (form, event: WechatMiniprogram.CustomEvent<{ value: boolean }>) => form.setActive(event.detail.value),
    onPickLocation: (form) => form.pickLocation(),
    onSave: (form) => form.save(),
    onDeputy: (_form, event: TapEvent<{ id: string }>) => navigateTo(staffDeputyEditUrl({ deputyId: event.currentTarget.dataset.id })),
    onNewDeputy: (_form, _event, page) => navigateTo(staffDeputyEditUrl({ stationId: page.data().stationId })),
  },
});
