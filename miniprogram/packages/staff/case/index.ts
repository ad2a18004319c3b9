import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import type { AnswerCategory } from '../../../shared/domain/casework';
import { callOrShowNumber, previewPhotos } from '../../../utils/device-actions';
import { createCasePage, initialCaseState, type CasePanel } from './model';

definePage({
  name: 'staff-case',
  data: initialCaseState,
  model: (page) => createCasePage(page.query.opinionId ?? '', page.render),
  events: {
    onAccept: (work) => work.accept(),
    onOpenPanel: (work, event: TapEvent<{ panel: CasePanel }>) => work.open(event.currentTarget.dataset.panel),
    onClosePanel: (work) => work.open(''),
    onNote: (work, event: InputEvent) => work.setNote(event.detail.value),
    onDepartment: (work, event: TapEvent<{ id: string }>) => work.toggleDepartment(event.currentTarget.dataset.id),
    onAssign: (work) => work.assign(),
    onApprove: (work) => work.approve(),
    onReturn: (work) => work.returnForRedo(),
    onUrge: (work) => work.urge(),
    onReferBack: (work) => work.referBack(),
    onReroute: (work) => work.reroute(),
    onCategory: (work, event: TapEvent<{ category: AnswerCategory }>) => work.chooseCategory(event.currentTarget.dataset.category),
    onAnswerText: (work, event: InputEvent) => work.setAnswerText(event.detail.value),
    onAnswerReason: (work, event: InputEvent) => work.setAnswerReason(event.detail.value),
    onAnswer: (work) => work.answer(),
    onPreviewPhoto: (_work, event: TapEvent<{ url: string }>, page) => previewPhotos(page.data().view?.photos ?? [], event.currentTarget.dataset.url),
    onCall: (_work, _event, page) => {
      const { view } = page.data();
      if (!view?.canCall) return undefined;
      return callOrShowNumber('staff-case', view.phone);
    },
  },
});
