import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import type { OpinionCategory } from '../../../shared/domain/opinion';
import { navigateBack, redirectTo } from '../../../services/wx';
import { DEPUTY_BIND_URL } from '../../../routes';
import { deputySuggestionUrl } from '../routes';
import { createSuggestionEdit, initialEditState, type EditState } from './model';

definePage<EditState, { suggestionId?: string }, ReturnType<typeof createSuggestionEdit>>({
  name: 'deputy-suggestion-edit',
  data: initialEditState,
  model: (page) => createSuggestionEdit(page.query.suggestionId ?? '', page.render),
  events: {
    onSession: (form, event: TapEvent<{ id: string }>) => form.chooseSession(event.currentTarget.dataset.id),
    onTitle: (form, event: InputEvent) => form.setText('title', event.detail.value),
    onCause: (form, event: InputEvent) => form.setText('cause', event.detail.value),
    onContent: (form, event: InputEvent) => form.setText('content', event.detail.value),
    onCategory: (form, event: TapEvent<{ category: OpinionCategory }>) => form.chooseCategory(event.currentTarget.dataset.category),
    onTrackingInput: (form, event: InputEvent) => form.setTrackingInput(event.detail.value),
    onAddTracking: (form, _event, page) => form.addTracking(page.data().trackingInput),
    onRemoveTracking: (form, event: TapEvent<{ no: string }>) => form.removeTracking(event.currentTarget.dataset.no),
    onKeyword: (form, event: InputEvent) => form.setKeyword(event.detail.value),
    onSearch: (form, _event, page) => form.search(page.data().keyword),
    onAddCoSigner: (form, event: TapEvent<{ id: string; name: string }>) => form.addCoSigner(event.currentTarget.dataset.id, event.currentTarget.dataset.name),
    onRemoveCoSigner: (form, event: TapEvent<{ id: string }>) => form.removeCoSigner(event.currentTarget.dataset.id),
    onSave: (form) => form.save(),
    onSubmit: (form) => form.submit(),
    onOpenSubmitted: (_form, _event, page) => {
      const submitted = page.data().submitted;
      return submitted ? redirectTo(deputySuggestionUrl(submitted.suggestionId)) : undefined;
    },
    onBack: () => navigateBack(),
    onBind: () => redirectTo(DEPUTY_BIND_URL),
  },
});
