import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import type { Verdict } from '../../../shared/domain/suggestion';
import { navigateTo } from '../../../services/wx';
import { deputySuggestionEditUrl } from '../routes';
import { createDeputySuggestion, initialDeputySuggestionState, type DeputySuggestionState } from './model';

definePage<DeputySuggestionState, { suggestionId?: string }, { id: string; page: ReturnType<typeof createDeputySuggestion> }>({
  name: 'deputy-suggestion',
  data: initialDeputySuggestionState,
  model: (page) => ({ id: page.query.suggestionId ?? '', page: createDeputySuggestion(page.query.suggestionId ?? '', page.render) }),
  load: ({ page }) => page.load(),
  /** Back from the form: it may have been revised. */
  refresh: ({ page }) => page.load(),
  events: {
    onEdit: ({ id }) => navigateTo(deputySuggestionEditUrl(id)),
    onSubmit: ({ page }) => page.submit(),
    onAccept: ({ page }) => page.respond(true),
    onDecline: ({ page }) => page.respond(false),
    onVerdict: ({ page }, event: TapEvent<{ verdict: Verdict }>) => page.chooseVerdict(event.currentTarget.dataset.verdict),
    onComment: ({ page }, event: InputEvent) => page.setComment(event.detail.value),
    onRate: ({ page }) => page.rate(),
  },
});
