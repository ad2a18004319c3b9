/**
 * The figures congresses publish about 代表建议办理 for a session, a unit or a delegation (area):
 * how many were received and registered, answered and answered on time, the A/B/C shares, the
 * deputies' satisfaction, how many were handled again — their names and labels. What each counts
 * (its predicate) is the suggestion function's (cloudfunctions/suggestion/figureDefinitions.ts).
 */
export const SUGGESTION_FIGURES = [
  'received',
  'registered',
  'noted',
  'returned',
  'answered',
  'answeredOnTime',
  'overdue',
  'classA',
  'classB',
  'classC',
  'followUp',
  'rated',
  'satisfied',
  'dissatisfied',
  'rehandled',
  'key',
  'extended',
  'referred',
  'bounced',
] as const;
export type SuggestionFigure = (typeof SUGGESTION_FIGURES)[number];

export type SuggestionCounts = Record<SuggestionFigure, number>;

export interface SuggestionRates {
  /** 答复率: answered / registered. */
  answeredRate: number | null;
  /** 按期答复率: answered on time / answered. */
  onTimeRate: number | null;
  /** A类占比 (and B, C): of the answered. */
  classAShare: number | null;
  classBShare: number | null;
  classCShare: number | null;
  /** 满意率: satisfied and basically satisfied / rated. */
  satisfactionRate: number | null;
}
