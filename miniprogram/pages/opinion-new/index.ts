import { definePage } from '../../factory/define-page';
import type { InputEvent, SwitchEvent, TapEvent } from '../../utils/events';
import type { OpinionCategory } from '../../shared/domain/opinion';
import { previewImages, redirectTo } from '../../services/wx';
import { MY_OPINIONS_URL, STATIONS_URL } from '../../routes';
import { createOpinionForm, initialOpinionFormState, targetFromQuery } from './model';

definePage({
  name: 'opinion-new',
  privacy: 'required',
  data: initialOpinionFormState,
  model: (page) => createOpinionForm(targetFromQuery(page.query), page.render),
  events: {
    onCategory: (form, event: TapEvent<{ category: OpinionCategory }>) => form.chooseCategory(event.currentTarget.dataset.category),
    onText: (form, event: InputEvent) => form.setText(event.detail.value),
    onName: (form, event: InputEvent) => form.setName(event.detail.value),
    onPhone: (form, event: InputEvent) => form.setPhone(event.detail.value),
    onMayContact: (form, event: SwitchEvent) => form.setMayContact(event.detail.value),
    onAddPhotos: (form) => form.addPhotos(),
    onRetryPhoto: (form, event: TapEvent<{ key: string }>) => form.retryPhoto(event.currentTarget.dataset.key),
    onRemovePhoto: (form, event: TapEvent<{ key: string }>) => form.removePhoto(event.currentTarget.dataset.key),
    onPreviewPhoto: (_form, event: TapEvent<{ src: string }>, page) =>
      previewImages(
        page.data().photos.map((photo) => photo.src),
        event.currentTarget.dataset.src,
      ),
    onPickLocation: (form) => form.pickLocation(),
    onClearLocation: (form) => form.clearLocation(),
    onSubmit: (form) => form.submit(),
    onCopyTrackingNo: (form, _event, page) => {
      const { submitted } = page.data();
      return submitted ? form.copyTrackingNo(submitted.trackingNo) : undefined;
    },
    onMyOpinions: () => redirectTo(MY_OPINIONS_URL),
    onStations: () => redirectTo(STATIONS_URL),
  },
});
