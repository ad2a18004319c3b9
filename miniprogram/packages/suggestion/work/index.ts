import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import type { AnswerClass, AssignMode, ReviewDecision } from '../../../shared/domain/suggestion';
import { createSuggestionWork, initialWorkState, type WorkPanel, type WorkState } from './model';

definePage<WorkState, { suggestionId?: string }, ReturnType<typeof createSuggestionWork>>({
  name: 'staff-suggestion',
  data: initialWorkState,
  model: (page) => createSuggestionWork(page.query.suggestionId ?? '', page.render),
  events: {
    onOpenPanel: (work, event: TapEvent<{ panel: WorkPanel }>) => work.open(event.currentTarget.dataset.panel),
    onClosePanel: (work) => work.open(''),
    onNote: (work, event: InputEvent) => work.setNote(event.detail.value),
    onLeader: (work, event: InputEvent) => work.setLeader(event.detail.value),
    onText: (work, event: InputEvent) => work.setText(event.detail.value),
    onReason: (work, event: InputEvent) => work.setReason(event.detail.value),
    onDecision: (work, event: TapEvent<{ decision: ReviewDecision }>) => work.chooseDecision(event.currentTarget.dataset.decision),
    onMode: (work, event: TapEvent<{ mode: AssignMode }>) => work.chooseMode(event.currentTarget.dataset.mode),
    onUnit: (work, event: TapEvent<{ id: string }>) => work.toggleUnit(event.currentTarget.dataset.id),
    onRerouteUnit: (work, event: TapEvent<{ id: string }>) => work.chooseRerouteUnit(event.currentTarget.dataset.id),
    onClass: (work, event: TapEvent<{ answerClass: AnswerClass }>) => work.chooseClass(event.currentTarget.dataset.answerClass),
    onMonths: (work, event: TapEvent<{ months: number }>) => work.chooseMonths(Number(event.currentTarget.dataset.months)),
    onReview: (work) => work.review(),
    onAssign: (work) => work.assign(),
    onMarkKey: (work) => work.markKey(true),
    onUnmarkKey: (work) => work.markKey(false),
    onApproveExtension: (work) => work.decideExtension(true),
    onRefuseExtension: (work) => work.decideExtension(false),
    onReroute: (work) => work.reroute(),
    onSendView: (work) => work.sendView(),
    onAnswer: (work) => work.answer(),
    onRequestExtension: (work) => work.requestExtension(),
    onReferBack: (work) => work.referBack(),
    onFollowUp: (work) => work.followUp(),
  },
});
