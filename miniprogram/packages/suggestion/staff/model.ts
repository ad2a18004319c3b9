import type { StaffSuggestionView } from '../../../shared/contract/suggestion';
import { callApi } from '../../../services/api';
import { suggestionList } from '../queue';

export const STAFF_SUGGESTION_TABS: Record<StaffSuggestionView, string> = {
  toReview: '待审查',
  toAssign: '待交办',
  handling: '办理中',
  extensions: '延期申请',
  referred: '单位退回',
  answered: '待评价',
  followUp: 'B类跟踪',
  overdue: '超期督办',
  key: '重点督办',
  closed: '已办结',
  all: '全部',
};

/** 代表建议办理: the congress staff's work queues, the supervision list (超期) among them. */
export const STAFF_SUGGESTIONS = suggestionList<StaffSuggestionView>(STAFF_SUGGESTION_TABS, 'toReview', (view, page) => callApi('suggestion.list', { view, ...page }));
