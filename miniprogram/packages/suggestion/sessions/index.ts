import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { createSessions, initialSessionsState, type SessionsState } from './model';

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }>;
type SwitchEvent = WechatMiniprogram.CustomEvent<{ value: boolean }>;

definePage<SessionsState, Record<string, string | undefined>, ReturnType<typeof createSessions>>({
  name: 'staff-suggestion-sessions',
  data: initialSessionsState,
  model: (page) => createSessions(page.render),
  events: {
    onNew: (sessions) => sessions.startNew(),
    onEdit: (sessions, event: TapEvent<{ id: string }>) => sessions.startEdit(event.currentTarget.dataset.id),
    onCancel: (sessions) => sessions.cancel(),
    onArea: (sessions, event: TapEvent<{ id: string }>) => sessions.chooseArea(event.currentTarget.dataset.id),
    onName: (sessions, event: InputEvent) => sessions.setName(event.detail.value),
    onFrom: (sessions, event: InputEvent) => sessions.setFrom(event.detail.value),
    onUntil: (sessions, event: InputEvent) => sessions.setUntil(event.detail.value),
    onActive: (sessions, event: SwitchEvent) => sessions.setActive(event.detail.value),
    onSave: (sessions) => sessions.save(),
  },
});
