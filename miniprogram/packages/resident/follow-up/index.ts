import { definePage, type PageContext } from '../../../factory/define-page';
import { createFollowUp, initialFollowUpState, loadFollowUp, type FollowUpState } from './model';

async function show(opinionId: string, page: PageContext<FollowUpState>): Promise<void> {
  page.render(await loadFollowUp(opinionId));
}

definePage({
  name: 'follow-up',
  data: initialFollowUpState,
  model: (page) => {
    const opinionId = page.query.opinionId ?? '';
    return { opinionId, answer: createFollowUp(opinionId, page.render, () => show(opinionId, page)) };
  },
  load: ({ opinionId }, page) => show(opinionId, page),
  events: {
    onSolved: ({ answer }) => answer.solved(),
    onUnsolved: ({ answer }) => answer.chooseUnsolved(),
    onNote: ({ answer }, event: WechatMiniprogram.CustomEvent<{ value: string }>) => answer.setNote(event.detail.value),
    onSubmitUnsolved: ({ answer }) => answer.submitUnsolved(),
  },
});
