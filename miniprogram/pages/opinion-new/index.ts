import { fontScaleBehavior } from '../../behaviors/font-scale';
import type { TapEvent } from '../../utils/events';
import type { OpinionCategory } from '../../shared/domain/opinion';
import { previewImages, redirectTo } from '../../services/wx';
import { MY_OPINIONS_URL, STATIONS_URL } from '../../routes';
import { createOpinionForm, initialOpinionFormState, targetFromQuery, type OpinionFormState } from './model';

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }>;
type SwitchEvent = WechatMiniprogram.CustomEvent<{ value: boolean }>;

const forms = new WeakMap<object, ReturnType<typeof createOpinionForm>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialOpinionFormState(),
  methods: {
    onLoad(query: { deputyId?: string; stationId?: string; name?: string }) {
      const form = createOpinionForm(targetFromQuery(query), (change: Partial<OpinionFormState>) => this.setData(change));
      forms.set(this, form);
      form.start();
    },
    onCategory(event: TapEvent<{ category: OpinionCategory }>) {
      forms.get(this)?.chooseCategory(event.currentTarget.dataset.category);
    },
    onText(event: InputEvent) {
      forms.get(this)?.setText(event.detail.value);
    },
    onName(event: InputEvent) {
      forms.get(this)?.setName(event.detail.value);
    },
    onPhone(event: InputEvent) {
      forms.get(this)?.setPhone(event.detail.value);
    },
    onMayContact(event: SwitchEvent) {
      forms.get(this)?.setMayContact(event.detail.value);
    },
    onAddPhotos() {
      return forms.get(this)?.addPhotos();
    },
    onRetryPhoto(event: TapEvent<{ key: string }>) {
      return forms.get(this)?.retryPhoto(event.currentTarget.dataset.key);
    },
    onRemovePhoto(event: TapEvent<{ key: string }>) {
      forms.get(this)?.removePhoto(event.currentTarget.dataset.key);
    },
    onPreviewPhoto(event: TapEvent<{ src: string }>) {
      previewImages(
        this.data.photos.map((photo) => photo.src),
        event.currentTarget.dataset.src,
      );
    },
    onPickLocation() {
      return forms.get(this)?.pickLocation();
    },
    onClearLocation() {
      forms.get(this)?.clearLocation();
    },
    onSubmit() {
      return forms.get(this)?.submit();
    },
    onCopyTrackingNo() {
      const { submitted } = this.data;
      return submitted ? forms.get(this)?.copyTrackingNo(submitted.trackingNo) : undefined;
    },
    onMyOpinions() {
      return redirectTo(MY_OPINIONS_URL);
    },
    onStations() {
      return redirectTo(STATIONS_URL);
    },
  },
});
