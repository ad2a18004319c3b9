import type { RulesView } from '../../../shared/contract/duty';
import { ACTIVITY_TYPE_LABELS, ENTRY_KIND_LABELS, SCORED_KINDS, type ActivityType, type EntryKind, type PointsRule, type ScoredKind } from '../../../shared/domain/duty';
import { shanghaiDate } from '../../../shared/domain/time';
import { callApi } from '../../../services/api';
import { oneAtATime, refusalText } from '../../../utils/one-at-a-time';
import { appClock } from '../../../services/clock';
import { showToast } from '../../../services/wx';
import { loading, settle, type Loaded } from '../../../utils/load-state';

export const RULES_MESSAGES = { saved: '已保存，从生效日期起按新规则计分', invalid: '请填写0到100之间的整数分值，上限不填表示不设上限' } as const;

export function scoredKindLabel(kind: ScoredKind): string {
  return kind.startsWith('activity.') ? ACTIVITY_TYPE_LABELS[kind.slice('activity.'.length) as ActivityType] : ENTRY_KIND_LABELS[kind as EntryKind];
}

export interface RuleRow {
  kind: ScoredKind;
  label: string;
  points: string;
  cap: string;
}

export interface VersionItem {
  key: string;
  heading: string;
  lines: string[];
}

export interface DutyRulesView {
  areaId: string;
  versions: VersionItem[];
  inForce: string;
}

export interface DutyRulesState extends Loaded<DutyRulesView> {
  effectiveFrom: string;
  rows: RuleRow[];
  penalty: string;
  formError: string;
  working: boolean;
}

const ruleText = (rule: PointsRule): string => `${rule.points}分${rule.capPerYear === null ? '' : `，每年最多${rule.capPerYear}分`}`;

/** Every version in force at the area, newest first, each line by line; which one applies today. */
export function toDutyRulesView(view: RulesView, today: string): DutyRulesView {
  const current = [...view.versions].reverse().find((version) => version.effectiveFrom <= today);
  return {
    areaId: view.areaId,
    versions: [...view.versions].reverse().map((version) => ({
      key: `${version.areaId}|${version.effectiveFrom}`,
      heading: `${version.effectiveFrom}起施行${version.areaId === view.areaId ? '' : '（上级制定）'}`,
      lines: [...SCORED_KINDS.map((kind) => `${scoredKindLabel(kind)}：${ruleText(version.rules[kind])}`), `无故缺席接待日：扣${version.missedDayPenalty}分`],
    })),
    inForce: current ? `今天适用${current.effectiveFrom}起施行的规则` : '今天适用默认规则',
  };
}

/** The editor starts from the rules in force today (or the defaults), for staff to change. */
export function rowsFrom(view: RulesView, today: string): { rows: RuleRow[]; penalty: string } {
  const current = [...view.versions].reverse().find((version) => version.effectiveFrom <= today) ?? view.defaults;
  return {
    rows: SCORED_KINDS.map((kind) => ({
      kind,
      label: scoredKindLabel(kind),
      points: String(current.rules[kind].points),
      cap: current.rules[kind].capPerYear === null ? '' : String(current.rules[kind].capPerYear),
    })),
    penalty: String(current.missedDayPenalty),
  };
}

const wholeNumber = (text: string): number | null => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null);

export function initialDutyRulesState(): DutyRulesState {
  return { ...loading<DutyRulesView>(), effectiveFrom: shanghaiDate(appClock.now()), rows: [], penalty: '', formError: '', working: false };
}

/**
 * 积分规则 for an area's staff: the versions in force, newest first, and a new version from a date
 * on. Earlier versions stay as they are, so a year already scored keeps its score.
 */
export function createDutyRules(render: (change: Partial<DutyRulesState>) => void, areaIdFromQuery?: string) {
  const today = initialDutyRulesState().effectiveFrom;
  let areaId = areaIdFromQuery ?? '';
  let rows: RuleRow[] = [];
  let penalty = '';
  let effectiveFrom = today;
  const steps = oneAtATime<DutyRulesState>(render, 'duty rules');

  function show(view: RulesView): DutyRulesView {
    ({ rows, penalty } = rowsFrom(view, today));
    render({ rows, penalty });
    return toDutyRulesView(view, today);
  }

  return {
    async load(): Promise<void> {
      render(
        await settle(async () => {
          if (!areaId) areaId = (await callApi('account.getProfile', {})).staff?.areaId ?? '';
          return callApi('duty.getRules', { areaId });
        }, show),
      );
    },
    setDate(value: string): void {
      effectiveFrom = value;
      render({ effectiveFrom, formError: '' });
    },
    setRule(kind: ScoredKind, field: 'points' | 'cap', value: string): void {
      rows = rows.map((row) => (row.kind === kind ? { ...row, [field]: value } : row));
      render({ rows, formError: '' });
    },
    setPenalty(value: string): void {
      penalty = value;
      render({ penalty, formError: '' });
    },
    async save(): Promise<void> {
      if (steps.working) return;
      const rules = {} as Record<ScoredKind, PointsRule>;
      for (const row of rows) {
        const points = wholeNumber(row.points);
        const cap = row.cap.trim() === '' ? null : wholeNumber(row.cap);
        if (points === null || points > 100 || (row.cap.trim() !== '' && cap === null)) return render({ formError: `${row.label}：${RULES_MESSAGES.invalid}` });
        rules[row.kind] = { points, capPerYear: cap };
      }
      const missedDayPenalty = wholeNumber(penalty);
      if (missedDayPenalty === null || missedDayPenalty > 100) return render({ formError: `无故缺席扣分：${RULES_MESSAGES.invalid}` });
      await steps.step(
        async () => {
          const view = await callApi('duty.saveRules', { areaId, effectiveFrom, rules, missedDayPenalty });
          render({ view: show(view), status: 'ready' });
          showToast(RULES_MESSAGES.saved);
        },
        { clear: { formError: '' }, refused: (error) => ({ formError: refusalText(error) }) },
      );
    },
  };
}
