import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { createSchedule, initialScheduleState, type RuleForm } from './model';

type InputEvent<D extends WechatMiniprogram.IAnyObject = WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, D>;

definePage({
  name: 'staff-schedule',
  privacy: 'onDemand',
  data: initialScheduleState,
  model: (page) => createSchedule(page.query.stationId ?? '', page.render),
  events: {
    onKind: (schedule, event: TapEvent<{ kind: RuleForm['kind'] }>) => schedule.setKind(event.currentTarget.dataset.kind),
    onDayOfMonth: (schedule, event: InputEvent) => schedule.setDayOfMonth(event.detail.value),
    onWeekday: (schedule, event: TapEvent<{ weekday: number }>) => schedule.setWeekday(Number(event.currentTarget.dataset.weekday)),
    onWindowTime: (schedule, event: InputEvent<{ key: string; end: 'start' | 'end' }>) => {
      const { key, end } = event.currentTarget.dataset;
      schedule.setWindow(key, end, event.detail.value);
    },
    onAddWindow: (schedule) => schedule.addWindow(),
    onRemoveWindow: (schedule, event: TapEvent<{ key: string }>) => schedule.removeWindow(event.currentTarget.dataset.key),
    onSlotMinutes: (schedule, event: InputEvent) => schedule.setSlotMinutes(event.detail.value),
    onSeats: (schedule, event: InputEvent) => schedule.setSeatsPerSlot(event.detail.value),
    onDeputy: (schedule, event: TapEvent<{ id: string }>) => schedule.toggleDeputy(event.currentTarget.dataset.id),
    onSaveRule: (schedule) => schedule.saveRule(),
    onNewDate: (schedule, event: InputEvent) => schedule.setNewDate(event.detail.value),
    onAddDay: (schedule) => schedule.addDay(),
    onCancelDay: (schedule, event: TapEvent<{ id: string; label: string }>) => {
      const { id, label } = event.currentTarget.dataset;
      return schedule.cancelDay(id, label);
    },
    onShowQr: (schedule) => schedule.showQr(),
    onRotateQr: (schedule) => schedule.showQr(true),
    onPreviewQr: (schedule) => schedule.previewQr(),
    onSaveQr: (schedule) => schedule.saveQr(),
  },
});
