import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import { createSchedule, initialScheduleState, type RuleForm, type ScheduleState } from './model';

type InputEvent<D extends WechatMiniprogram.IAnyObject = WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, D>;

const schedules = new WeakMap<object, ReturnType<typeof createSchedule>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialScheduleState(),
  methods: {
    onLoad(query: { stationId?: string }) {
      const schedule = createSchedule(query.stationId ?? '', (change: Partial<ScheduleState>) => this.setData(change));
      schedules.set(this, schedule);
      return schedule.load();
    },
    onRetry() {
      return schedules.get(this)?.load();
    },
    onKind(event: TapEvent<{ kind: RuleForm['kind'] }>) {
      schedules.get(this)?.setKind(event.currentTarget.dataset.kind);
    },
    onDayOfMonth(event: InputEvent) {
      schedules.get(this)?.setDayOfMonth(event.detail.value);
    },
    onWeekday(event: TapEvent<{ weekday: number }>) {
      schedules.get(this)?.setWeekday(Number(event.currentTarget.dataset.weekday));
    },
    onWindowTime(event: InputEvent<{ key: string; end: 'start' | 'end' }>) {
      const { key, end } = event.currentTarget.dataset;
      schedules.get(this)?.setWindow(key, end, event.detail.value);
    },
    onAddWindow() {
      schedules.get(this)?.addWindow();
    },
    onRemoveWindow(event: TapEvent<{ key: string }>) {
      schedules.get(this)?.removeWindow(event.currentTarget.dataset.key);
    },
    onSlotMinutes(event: InputEvent) {
      schedules.get(this)?.setSlotMinutes(event.detail.value);
    },
    onSeats(event: InputEvent) {
      schedules.get(this)?.setSeatsPerSlot(event.detail.value);
    },
    onDeputy(event: TapEvent<{ id: string }>) {
      schedules.get(this)?.toggleDeputy(event.currentTarget.dataset.id);
    },
    onSaveRule() {
      return schedules.get(this)?.saveRule();
    },
    onNewDate(event: InputEvent) {
      schedules.get(this)?.setNewDate(event.detail.value);
    },
    onAddDay() {
      return schedules.get(this)?.addDay();
    },
    onCancelDay(event: TapEvent<{ id: string; label: string }>) {
      const { id, label } = event.currentTarget.dataset;
      return schedules.get(this)?.cancelDay(id, label);
    },
    onShowQr() {
      return schedules.get(this)?.showQr();
    },
    onRotateQr() {
      return schedules.get(this)?.showQr(true);
    },
    onPreviewQr() {
      schedules.get(this)?.previewQr();
    },
    onSaveQr() {
      return schedules.get(this)?.saveQr();
    },
  },
});
