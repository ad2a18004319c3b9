import type { SessionView, SuggestionDetail } from '../../../shared/contract/suggestion';
import { DEPUTY_LEVEL_LABELS } from '../../../shared/domain/directory';
import { OPINION_CATEGORIES, OPINION_CATEGORY_LABELS, textLength, type OpinionCategory } from '../../../shared/domain/opinion';
import { SUGGESTION_TEXT_LIMITS as LIMITS } from '../../../shared/domain/suggestion';
import { callApi, toApiError } from '../../../services/api';
import { showToast } from '../../../services/wx';
import type { LoadStatus } from '../../../utils/load-state';
import { clearSuggestionDraft, loadSuggestionDraft, moveSuggestionDraft, newSuggestionDraft, saveSuggestionDraft, type SuggestionDraft } from '../drafts';

export const EDIT_MESSAGES = {
  session: '请选择提交到哪次会议',
  title: `请填写标题（${4}到${LIMITS.title}个字）`,
  cause: `请写明案由（至少${10}个字）`,
  content: `请写明建议内容（至少${20}个字）`,
  category: '请选择建议类别',
  tracking: '受理编号格式应为 NH01-261118-001，请核对',
  trackingFull: `一件建议最多关联${LIMITS.opinions}条群众意见`,
  trackingTwice: '这条意见已经添加过了',
  searchEmpty: '没有找到这位代表，请核对姓名',
  checkFields: '还有内容需要填写或修改，请看标红的地方',
  saved: '草稿已保存',
  restored: '已恢复您上次没有保存的内容',
  noSession: '现在没有接收建议的会议。会议期间和闭会期间的建议提交时间由人大常委会确定。',
  locked: '这件建议已经提交，不能再修改',
} as const;

export interface CoSignerItem {
  deputyId: string;
  name: string;
  /** 待回复 / 已同意联名 / 已谢绝 once saved; 保存后发出邀请 before. */
  stateLabel: string;
}

export interface SearchHit {
  deputyId: string;
  name: string;
  label: string;
}

export type EditErrors = Partial<Record<'session' | 'title' | 'cause' | 'content' | 'category' | 'tracking', string>>;

export interface EditState {
  status: LoadStatus;
  errorMessage: string;
  notAllowed: boolean;
  sessions: Array<{ id: string; label: string }>;
  /** A saved suggestion stays in its session. */
  sessionLocked: boolean;
  sessionName: string;
  sessionId: string;
  title: string;
  cause: string;
  content: string;
  category: OpinionCategory | '';
  categories: ReadonlyArray<{ value: OpinionCategory; label: string }>;
  trackingNos: string[];
  trackingInput: string;
  coSigners: CoSignerItem[];
  keyword: string;
  searchResults: SearchHit[];
  searchNote: string;
  errors: EditErrors;
  notice: string;
  submitError: string;
  saving: boolean;
  submitted: { statusLabel: string; suggestionId: string } | null;
}

export const CATEGORY_CHOICES = OPINION_CATEGORIES.map((value) => ({ value, label: OPINION_CATEGORY_LABELS[value] }));

export function initialEditState(): EditState {
  return {
    status: 'loading',
    errorMessage: '',
    notAllowed: false,
    sessions: [],
    sessionLocked: false,
    sessionName: '',
    sessionId: '',
    title: '',
    cause: '',
    content: '',
    category: '',
    categories: CATEGORY_CHOICES,
    trackingNos: [],
    trackingInput: '',
    coSigners: [],
    keyword: '',
    searchResults: [],
    searchNote: '',
    errors: {},
    notice: '',
    submitError: '',
    saving: false,
    submitted: null,
  };
}

const TRACKING_NO = /^[A-Z0-9]{2,8}-\d{6}-\d{3,4}$/;

/** What is wrong with the draft, field by field, before anything is sent: the same rules as the contract. */
export function draftErrors(draft: SuggestionDraft): EditErrors {
  const errors: EditErrors = {};
  const within = (text: string, min: number, max: number) => textLength(text) >= min && textLength(text) <= max;
  if (!draft.sessionId) errors.session = EDIT_MESSAGES.session;
  if (!within(draft.title, 4, LIMITS.title)) errors.title = EDIT_MESSAGES.title;
  if (!within(draft.cause, 10, LIMITS.cause)) errors.cause = EDIT_MESSAGES.cause;
  if (!within(draft.content, 20, LIMITS.content)) errors.content = EDIT_MESSAGES.content;
  if (!draft.category) errors.category = EDIT_MESSAGES.category;
  return errors;
}

function coSignerItems(draft: SuggestionDraft, saved: SuggestionDetail | null): CoSignerItem[] {
  return draft.coSigners.map((c) => ({ ...c, stateLabel: saved?.coSigners.find((s) => s.deputyId === c.deputyId)?.stateLabel ?? '保存后发出邀请' }));
}

function draftFromDetail(detail: SuggestionDetail, clientRequestId: string): SuggestionDraft {
  return {
    clientRequestId,
    suggestionId: detail.suggestionId,
    sessionId: detail.sessionId,
    title: detail.title,
    cause: detail.cause,
    content: detail.content,
    category: detail.category,
    trackingNos: detail.opinions.map((o) => o.trackingNo),
    coSigners: detail.coSigners.map((c) => ({ deputyId: c.deputyId, name: c.name })),
  };
}

/**
 * The deputy's suggestion form: a new one, or one they lead still in their hands (a draft, or
 * returned by staff). Every change is kept on the phone at once; 保存草稿 saves it on the server and
 * sends the invitations to co-sign; 提交 saves and submits it. What the server refuses is said in
 * plain words beside the form, the draft kept.
 */
export function createSuggestionEdit(suggestionId: string, render: (change: Partial<EditState>) => void) {
  let draft: SuggestionDraft = newSuggestionDraft();
  let saved: SuggestionDetail | null = null;
  let attempted = false;
  let busy = false;

  function keep(change: Partial<SuggestionDraft>): void {
    draft = { ...draft, ...change };
    saveSuggestionDraft(draft);
    render({ notice: '', submitError: '', ...(attempted ? { errors: draftErrors(draft) } : {}) });
  }

  function show(): void {
    render({
      sessionId: draft.sessionId,
      title: draft.title,
      cause: draft.cause,
      content: draft.content,
      category: draft.category,
      trackingNos: draft.trackingNos,
      coSigners: coSignerItems(draft, saved),
    });
  }

  function refused(error: unknown, context: string): void {
    const apiError = toApiError(error, context);
    if (apiError.code === 'AUTH.FORBIDDEN') render({ notAllowed: true });
    const fieldMessage = Object.values(apiError.fields)[0];
    render({ submitError: fieldMessage ? `${apiError.message}（${fieldMessage}）` : apiError.message });
  }

  /** Saves on the server: the first save creates it, and the phone keeps it under its id from then on. */
  async function saveOnServer(): Promise<SuggestionDetail> {
    const { suggestion } = await callApi('suggestion.saveDraft', {
      clientRequestId: draft.clientRequestId,
      ...(draft.suggestionId ? { suggestionId: draft.suggestionId } : {}),
      sessionId: draft.sessionId,
      title: draft.title.trim(),
      cause: draft.cause.trim(),
      content: draft.content.trim(),
      category: draft.category as OpinionCategory,
      opinionTrackingNos: draft.trackingNos,
      coSignerIds: draft.coSigners.map((c) => c.deputyId),
    });
    const first = !draft.suggestionId;
    saved = suggestion;
    draft = { ...draft, suggestionId: suggestion.suggestionId };
    if (first) moveSuggestionDraft(draft);
    else saveSuggestionDraft(draft);
    render({ sessionLocked: true, sessionName: suggestion.sessionName, coSigners: coSignerItems(draft, saved) });
    return suggestion;
  }

  function ready(): boolean {
    attempted = true;
    const errors = draftErrors(draft);
    render({ errors, notice: '', submitError: Object.keys(errors).length > 0 ? EDIT_MESSAGES.checkFields : '' });
    return Object.keys(errors).length === 0;
  }

  /** 保存草稿 and 提交: a ready form saved on the server, then `after`; one at a time, a refusal said beside the form. */
  async function saveThen(context: string, after: (suggestion: SuggestionDetail) => unknown): Promise<void> {
    if (busy || !ready()) return;
    busy = true;
    render({ saving: true });
    try {
      await after(await saveOnServer());
    } catch (error) {
      refused(error, context);
    } finally {
      busy = false;
      render({ saving: false });
    }
  }

  return {
    async load(): Promise<void> {
      render({ status: 'loading', errorMessage: '' });
      try {
        if (suggestionId) {
          const detail = await callApi('suggestion.get', { suggestionId });
          if (!detail.actions.includes('edit')) {
            render({ status: 'error', errorMessage: EDIT_MESSAGES.locked });
            return;
          }
          saved = detail;
          const kept = loadSuggestionDraft(suggestionId);
          draft = kept ?? draftFromDetail(detail, newSuggestionDraft().clientRequestId);
          render({ status: 'ready', sessionLocked: true, sessionName: detail.sessionName, notice: kept ? EDIT_MESSAGES.restored : '' });
        } else {
          const { sessions } = await callApi('suggestion.listSessions', { purpose: 'submit' });
          const kept = loadSuggestionDraft('');
          draft = kept ?? newSuggestionDraft();
          const choices = sessions.map((s: SessionView) => ({ id: s._id, label: s.name }));
          if (!draft.sessionId && choices.length === 1) draft.sessionId = choices[0]?.id ?? '';
          if (choices.length === 0) {
            render({ status: 'empty', errorMessage: EDIT_MESSAGES.noSession });
            return;
          }
          render({ status: 'ready', sessions: choices, notice: kept ? EDIT_MESSAGES.restored : '' });
        }
        show();
      } catch (error) {
        const apiError = toApiError(error, 'suggestion form');
        render({ status: 'error', errorMessage: apiError.message, notAllowed: apiError.code === 'AUTH.FORBIDDEN' });
      }
    },
    chooseSession(sessionId: string): void {
      keep({ sessionId });
      render({ sessionId });
    },
    setText(field: 'title' | 'cause' | 'content', value: string): void {
      keep({ [field]: value });
    },
    chooseCategory(category: OpinionCategory): void {
      keep({ category });
      render({ category });
    },
    setTrackingInput(value: string): void {
      render({ trackingInput: value, errors: { ...(attempted ? draftErrors(draft) : {}), tracking: '' } });
    },
    addTracking(value: string): void {
      const no = value.trim().toUpperCase();
      const base = attempted ? draftErrors(draft) : {};
      if (!TRACKING_NO.test(no)) return render({ errors: { ...base, tracking: EDIT_MESSAGES.tracking } });
      if (draft.trackingNos.includes(no)) return render({ errors: { ...base, tracking: EDIT_MESSAGES.trackingTwice } });
      if (draft.trackingNos.length >= LIMITS.opinions) return render({ errors: { ...base, tracking: EDIT_MESSAGES.trackingFull } });
      keep({ trackingNos: [...draft.trackingNos, no] });
      render({ trackingNos: draft.trackingNos, trackingInput: '', errors: { ...base, tracking: '' } });
    },
    removeTracking(no: string): void {
      keep({ trackingNos: draft.trackingNos.filter((t) => t !== no) });
      render({ trackingNos: draft.trackingNos });
    },
    setKeyword(keyword: string): void {
      render({ keyword, searchNote: '' });
    },
    async search(keyword: string): Promise<void> {
      if (!keyword.trim()) return;
      try {
        const { deputies } = await callApi('directory.searchDeputies', { keyword: keyword.trim() });
        const chosen = new Set(draft.coSigners.map((c) => c.deputyId));
        const hits = deputies.filter((d) => !chosen.has(d._id)).map((d) => ({ deputyId: d._id, name: d.name, label: `${d.name} · ${DEPUTY_LEVEL_LABELS[d.level]}` }));
        render({ searchResults: hits, searchNote: hits.length === 0 ? EDIT_MESSAGES.searchEmpty : '' });
      } catch (error) {
        render({ searchResults: [], searchNote: toApiError(error, 'directory.searchDeputies').message });
      }
    },
    addCoSigner(deputyId: string, name: string): void {
      if (draft.coSigners.some((c) => c.deputyId === deputyId) || draft.coSigners.length >= LIMITS.coSigners) return;
      keep({ coSigners: [...draft.coSigners, { deputyId, name }] });
      render({ coSigners: coSignerItems(draft, saved), searchResults: [], keyword: '' });
    },
    removeCoSigner(deputyId: string): void {
      keep({ coSigners: draft.coSigners.filter((c) => c.deputyId !== deputyId) });
      render({ coSigners: coSignerItems(draft, saved) });
    },
    save(): Promise<void> {
      return saveThen('suggestion.saveDraft', (suggestion) => {
        const asked = suggestion.coSigners.filter((c) => c.state === 'invited').length;
        const notice = asked > 0 ? `${EDIT_MESSAGES.saved}，已邀请${asked}位代表联名，等他们回复后就可以提交` : EDIT_MESSAGES.saved;
        render({ notice });
        showToast(EDIT_MESSAGES.saved);
      });
    },
    submit(): Promise<void> {
      return saveThen('suggestion.submit', async (suggestion) => {
        const result = await callApi('suggestion.submit', { suggestionId: suggestion.suggestionId });
        clearSuggestionDraft(suggestion.suggestionId);
        render({ submitted: { statusLabel: result.statusLabel, suggestionId: suggestion.suggestionId } });
      });
    },
  };
}
