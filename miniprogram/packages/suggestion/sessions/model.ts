import type { SessionView } from '../../../shared/contract/suggestion';
import { addDays, shanghaiDate } from '../../../shared/domain/time';
import { SUGGESTION_TEXT_LIMITS } from '../../../shared/domain/suggestion';
import { textLength } from '../../../shared/domain/opinion';
import { appClock } from '../../../services/clock';
import { callApi, toApiError } from '../../../services/api';
import { showToast } from '../../../services/wx';
import { formatReceptionDate } from '../../../utils/date';
import type { LoadStatus } from '../../../utils/load-state';
import { randomId } from '../../../utils/random';

export const SESSION_MESSAGES = {
  area: '请选择是哪一级人大的会议',
  name: `请填写会议名称（4到${SUGGESTION_TEXT_LIMITS.sessionName}个字）`,
  dates: '结束日期不能早于开始日期',
  saved: '会议已保存',
  none: '还没有会议',
} as const;

export interface SessionItem {
  id: string;
  name: string;
  /** 临江市 · 2026年11月1日 至 2027年1月31日 · 正在接收建议 */
  meta: string;
}

export interface SessionForm {
  sessionId: string;
  areaId: string;
  name: string;
  acceptsFrom: string;
  acceptsUntil: string;
  active: boolean;
}

export interface SessionsState {
  status: LoadStatus;
  errorMessage: string;
  sessions: SessionItem[];
  /** The congresses of the staff member's area: a city's, districts', townships'. */
  areas: Array<{ id: string; name: string }>;
  editing: boolean;
  form: SessionForm;
  formError: string;
  saving: boolean;
}

export function sessionItem(session: SessionView): SessionItem {
  const state = !session.active ? '已停用' : session.open ? '正在接收建议' : '不在接收期间';
  return {
    id: session._id,
    name: session.name,
    meta: `${session.areaName} · ${formatReceptionDate(session.acceptsFrom)} 至 ${formatReceptionDate(session.acceptsUntil)} · ${state}`,
  };
}

function blankForm(areaId: string, now: Date): SessionForm {
  const today = shanghaiDate(now);
  return { sessionId: '', areaId, name: '', acceptsFrom: today, acceptsUntil: addDays(today, 60), active: true };
}

export function initialSessionsState(): SessionsState {
  return { status: 'loading', errorMessage: '', sessions: [], areas: [], editing: false, form: blankForm('', appClock.now()), formError: '', saving: false };
}

/**
 * 会议管理: the sessions of the congresses in the staff member's area, and the form that sets one up
 * or changes it (name, the dates it accepts suggestions, whether it is in use).
 */
export function createSessions(render: (change: Partial<SessionsState>) => void) {
  let sessions: SessionView[] = [];
  let form: SessionForm = blankForm('', appClock.now());
  let areas: Array<{ id: string; name: string }> = [];
  let clientRequestId = randomId();

  function show(listed: SessionView[]): void {
    sessions = listed;
    render({ sessions: sessions.map(sessionItem), status: sessions.length > 0 ? 'ready' : 'empty', errorMessage: SESSION_MESSAGES.none });
  }

  async function list(): Promise<void> {
    show((await callApi('suggestion.listSessions', { purpose: 'manage' })).sessions);
  }

  function edit(change: Partial<SessionForm>): void {
    form = { ...form, ...change };
    render({ form, formError: '' });
  }

  return {
    async load(): Promise<void> {
      render({ status: 'loading', errorMessage: '' });
      const screen = await callApi('suggestion.sessionsScreen', {});
      // Their own congress first, then those below it, level by level.
      areas = screen.areas.sort((a, b) => a.path.length - b.path.length || a.name.localeCompare(b.name, 'zh-Hans-CN')).map((a) => ({ id: a._id, name: `${a.name}人大` }));
      render({ areas });
      show(screen.sessions);
    },
    startNew(): void {
      clientRequestId = randomId();
      form = blankForm(areas[0]?.id ?? '', appClock.now());
      render({ editing: true, form, formError: '' });
    },
    startEdit(sessionId: string): void {
      const session = sessions.find((s) => s._id === sessionId);
      if (!session) return;
      form = { sessionId, areaId: session.areaId, name: session.name, acceptsFrom: session.acceptsFrom, acceptsUntil: session.acceptsUntil, active: session.active };
      render({ editing: true, form, formError: '' });
    },
    cancel(): void {
      render({ editing: false, formError: '' });
    },
    chooseArea: (areaId: string) => edit({ areaId }),
    setName: (name: string) => edit({ name }),
    setFrom: (acceptsFrom: string) => edit({ acceptsFrom }),
    setUntil: (acceptsUntil: string) => edit({ acceptsUntil }),
    setActive: (active: boolean) => edit({ active }),
    async save(): Promise<void> {
      const length = textLength(form.name);
      const problem = !form.areaId
        ? SESSION_MESSAGES.area
        : length < 4 || length > SUGGESTION_TEXT_LIMITS.sessionName
          ? SESSION_MESSAGES.name
          : form.acceptsUntil < form.acceptsFrom
            ? SESSION_MESSAGES.dates
            : '';
      if (problem) return render({ formError: problem });
      render({ saving: true, formError: '' });
      try {
        const fields = { areaId: form.areaId, name: form.name.trim(), acceptsFrom: form.acceptsFrom, acceptsUntil: form.acceptsUntil, active: form.active };
        await callApi('suggestion.saveSession', form.sessionId ? { sessionId: form.sessionId, ...fields } : { clientRequestId, ...fields });
        showToast(SESSION_MESSAGES.saved);
        render({ editing: false });
        await list();
      } catch (error) {
        const apiError = toApiError(error, 'suggestion.saveSession');
        render({ formError: Object.values(apiError.fields)[0] ?? apiError.message });
      } finally {
        render({ saving: false });
      }
    },
  };
}
