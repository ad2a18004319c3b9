import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import type { AnswerCategory } from '../../../shared/domain/casework';
import { makePhoneCall, previewImages, showToast } from '../../../services/wx';
import { createCasePage, initialCaseState, type CasePanel, type CaseState } from './model';

type InputEvent = WechatMiniprogram.CustomEvent<{ value: string }>;

const pages = new WeakMap<object, ReturnType<typeof createCasePage>>();

Component({
  behaviors: [fontScaleBehavior],
  data: initialCaseState(),
  methods: {
    onLoad(query: { opinionId?: string }) {
      const page = createCasePage(query.opinionId ?? '', (change: Partial<CaseState>) => this.setData(change));
      pages.set(this, page);
      return page.load();
    },
    onRetry() {
      return pages.get(this)?.load();
    },
    onAccept() {
      return pages.get(this)?.accept();
    },
    onOpenPanel(event: TapEvent<{ panel: CasePanel }>) {
      pages.get(this)?.open(event.currentTarget.dataset.panel);
    },
    onClosePanel() {
      pages.get(this)?.open('');
    },
    onNote(event: InputEvent) {
      pages.get(this)?.setNote(event.detail.value);
    },
    onDepartment(event: TapEvent<{ id: string }>) {
      pages.get(this)?.toggleDepartment(event.currentTarget.dataset.id);
    },
    onAssign() {
      return pages.get(this)?.assign();
    },
    onApprove() {
      return pages.get(this)?.approve();
    },
    onReturn() {
      return pages.get(this)?.returnForRedo();
    },
    onUrge() {
      return pages.get(this)?.urge();
    },
    onCategory(event: TapEvent<{ category: AnswerCategory }>) {
      pages.get(this)?.chooseCategory(event.currentTarget.dataset.category);
    },
    onAnswerText(event: InputEvent) {
      pages.get(this)?.setAnswerText(event.detail.value);
    },
    onAnswerReason(event: InputEvent) {
      pages.get(this)?.setAnswerReason(event.detail.value);
    },
    onAnswer() {
      return pages.get(this)?.answer();
    },
    onPreviewPhoto(event: TapEvent<{ url: string }>) {
      const photos = this.data.view?.photos ?? [];
      previewImages(
        photos.map((photo) => photo.url),
        event.currentTarget.dataset.url,
      );
    },
    onCall() {
      const view = this.data.view;
      if (!view?.canCall) return undefined;
      return makePhoneCall(view.phone).catch((error: unknown) => {
        console.warn('[staff-case] makePhoneCall failed', error);
        showToast(`请拨打 ${view.phone}`);
      });
    },
  },
});
