import type { PayloadOf } from '../../shared/contract';
import type { SubmitOpinionResult } from '../../shared/contract/opinion';
import { OPINION_CATEGORIES, OPINION_CATEGORY_LABELS, OPINION_PHOTOS_MAX, OPINION_TEXT_MAX, OPINION_TEXT_MIN, textLength, type OpinionCategory } from '../../shared/domain/opinion';
import { isMobileNumber } from '../../shared/domain/phone';
import type { SceneKind } from '../../shared/domain/scene';
import { callApi, toApiError } from '../../services/api';
import { choosePhotos, uploadOpinionPhoto } from '../../services/photos';
import { CONFIG } from '../../config';
import { chooseLocation, copyText, scrollToFirst, showToast } from '../../services/wx';
import { askToNotify } from '../../services/subscriptions';
import { clearDraft, loadDraft, saveDraft, type DraftLocation, type OpinionDraft } from '../../stores/opinion-drafts';
import { contactSetters } from '../../utils/contact-fields';
import { trackingGroups } from '../../views/opinion';

export const CONTACT_NAME_MAX = 20;

export const CATEGORY_OPTIONS: ReadonlyArray<{ value: OpinionCategory; label: string }> = OPINION_CATEGORIES.map((value) => ({
  value,
  label: OPINION_CATEGORY_LABELS[value],
}));

export const MESSAGES = {
  noTarget: '没有找到要留言的代表或联络站，请从联络站列表重新进入',
  category: '请选择意见类别',
  textShort: `请至少写${OPINION_TEXT_MIN}个字`,
  textLong: `最多${OPINION_TEXT_MAX}个字，请精简后再提交`,
  photosUploading: '照片还在上传，请稍等片刻再提交',
  photosFailed: '有照片没有上传成功，请点「重试」或删除后再提交',
  name: `姓名最多${CONTACT_NAME_MAX}个字`,
  phone: '请填写11位手机号码',
  phoneForContact: '同意联系时请留下手机号码',
  checkFields: '还有内容需要修改，请看上面红字提示',
  networkKept: '网络不太稳定，没有提交成功。您填写的内容已保存在手机上，请稍后再点「提交」',
  locationUnavailable: '暂时无法选择位置，可以不填，或在文字里写明地点',
} as const;

export interface OpinionTarget {
  kind: SceneKind;
  id: string;
  /** The deputy's or station's name, as the page that opened the form showed it. */
  name: string;
}

/** The target from the page's query: `deputyId` or `stationId`, and `name`. */
export function targetFromQuery(query: { deputyId?: string; stationId?: string; name?: string }): OpinionTarget | null {
  const name = decodeQueryValue(query.name ?? '');
  if (query.deputyId) return { kind: 'deputy', id: decodeQueryValue(query.deputyId), name };
  if (query.stationId) return { kind: 'station', id: decodeQueryValue(query.stationId), name };
  return null;
}

function decodeQueryValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export type PhotoStatus = 'uploading' | 'done' | 'failed';

export interface PhotoView {
  key: string;
  /** Where the phone shows it from. */
  src: string;
  status: PhotoStatus;
  /** 0–100 while uploading. */
  progress: number;
  fileID: string;
}

export interface FieldErrors {
  category: string;
  text: string;
  photos: string;
  name: string;
  phone: string;
}

export const NO_ERRORS: FieldErrors = { category: '', text: '', photos: '', name: '', phone: '' };

/**
 * What is wrong with the form, field by field: the server's rules (shared/contract/opinion.ts),
 * said the same way, so the resident learns it before sending anything over a weak network.
 */
export function validateOpinion(draft: OpinionDraft, photos: readonly PhotoView[]): FieldErrors {
  const length = textLength(draft.text);
  const phone = draft.phone.trim();
  return {
    category: draft.category ? '' : MESSAGES.category,
    text: length < OPINION_TEXT_MIN ? MESSAGES.textShort : length > OPINION_TEXT_MAX ? MESSAGES.textLong : '',
    photos: photos.some((photo) => photo.status === 'uploading') ? MESSAGES.photosUploading : photos.some((photo) => photo.status === 'failed') ? MESSAGES.photosFailed : '',
    name: textLength(draft.name) > CONTACT_NAME_MAX ? MESSAGES.name : '',
    phone: phone && !isMobileNumber(phone) ? MESSAGES.phone : draft.mayContact && !phone ? MESSAGES.phoneForContact : '',
  };
}

/** The class a field with an error carries (app.wxss): submitting with errors scrolls to the first. */
export const FIRST_INVALID_FIELD = '.field--invalid';

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((message) => message !== '');
}

export function submitPayload(target: OpinionTarget, draft: OpinionDraft): PayloadOf<'opinion.submit'> {
  const payload: PayloadOf<'opinion.submit'> = {
    clientRequestId: draft.clientRequestId,
    target: target.kind === 'deputy' ? { deputyId: target.id } : { stationId: target.id },
    category: draft.category as OpinionCategory,
    text: draft.text.trim(),
    photos: draft.photos.map((photo) => photo.fileID),
  };
  if (draft.location) {
    const address = `${draft.location.name} ${draft.location.address}`.trim().slice(0, 200);
    payload.location = { latitude: draft.location.latitude, longitude: draft.location.longitude, ...(address ? { address } : {}) };
  }
  const name = draft.name.trim();
  const phone = draft.phone.trim();
  if (name || phone || draft.mayContact) {
    payload.contact = { mayContact: draft.mayContact, ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
  }
  return payload;
}

/** The server's field paths (`contact.phone`, `photos.2`) on the form's fields; null for anything else. */
export function fieldOfServerPath(path: string): keyof FieldErrors | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'category' || head === 'text' || head === 'photos') return head;
  if (path === 'contact.name') return 'name';
  if (head === 'contact') return 'phone';
  return null;
}

export interface SubmittedView {
  trackingNo: string;
  trackingGroups: string[];
  statusLabel: string;
}

export interface OpinionFormState {
  status: 'ready' | 'error';
  errorMessage: string;
  targetName: string;
  /** 代表 or 联络站: who the opinion goes to. */
  targetKindLabel: string;
  categories: ReadonlyArray<{ value: OpinionCategory; label: string }>;
  category: OpinionCategory | '';
  text: string;
  textCount: number;
  textCountOk: boolean;
  photos: PhotoView[];
  photosMax: number;
  canAddPhoto: boolean;
  location: DraftLocation | null;
  name: string;
  phone: string;
  mayContact: boolean;
  /** Shown once the resident has tried to submit; from then on they follow every change. */
  errors: FieldErrors;
  /** The resident came back to an opinion they had not sent: say it is theirs. */
  restored: boolean;
  submitting: boolean;
  submitError: string;
  submitted: SubmittedView | null;
}

export function initialOpinionFormState(): OpinionFormState {
  return {
    status: 'ready',
    errorMessage: '',
    targetName: '',
    targetKindLabel: '',
    categories: CATEGORY_OPTIONS,
    category: '',
    text: '',
    textCount: 0,
    textCountOk: false,
    photos: [],
    photosMax: OPINION_PHOTOS_MAX,
    canAddPhoto: true,
    location: null,
    name: '',
    phone: '',
    mayContact: false,
    errors: NO_ERRORS,
    restored: false,
    submitting: false,
    submitError: '',
    submitted: null,
  };
}

function hasContent(draft: OpinionDraft): boolean {
  return !!(draft.category || draft.text.trim() || draft.photos.length || draft.location || draft.name || draft.phone || draft.mayContact);
}

/**
 * The opinion form. Every change is saved on the phone at once (the draft), so nothing typed
 * is lost to a closed page, a phone call or a dead battery; the draft goes only when the
 * opinion has been received. Photos upload as soon as they are picked.
 */
export function createOpinionForm(target: OpinionTarget | null, render: (change: Partial<OpinionFormState>) => void) {
  let draft: OpinionDraft = loadDraft(target ?? { kind: 'deputy', id: '' });
  let photos: PhotoView[] = [];
  let attempted = false;
  let submitting = false;
  let askedToNotify = false;
  let photoKeys = 0;

  const nextKey = () => `photo-${(photoKeys += 1)}`;

  function derived(): Partial<OpinionFormState> {
    const count = textLength(draft.text);
    return {
      category: draft.category,
      text: draft.text,
      textCount: count,
      textCountOk: count >= OPINION_TEXT_MIN && count <= OPINION_TEXT_MAX,
      photos,
      canAddPhoto: photos.length < OPINION_PHOTOS_MAX,
      location: draft.location,
      name: draft.name,
      phone: draft.phone,
      mayContact: draft.mayContact,
      errors: attempted ? validateOpinion(draft, photos) : NO_ERRORS,
    };
  }

  /** Saves what the resident has so far, then shows it. Only uploaded photos are saved: they are the ones a draft can send. */
  function change(update: Partial<OpinionDraft>): void {
    if (!target) return;
    draft = { ...draft, ...update };
    draft.photos = photos.filter((photo) => photo.status === 'done').map((photo) => ({ fileID: photo.fileID, localPath: photo.src }));
    saveDraft(target, draft);
    render({ ...derived(), submitError: '' });
  }

  function updatePhoto(key: string, update: Partial<PhotoView>): void {
    photos = photos.map((photo) => (photo.key === key ? { ...photo, ...update } : photo));
  }

  async function upload(key: string): Promise<void> {
    const photo = photos.find((p) => p.key === key);
    if (!photo) return;
    updatePhoto(key, { status: 'uploading', progress: 0 });
    change({});
    try {
      const fileID = await uploadOpinionPhoto(photo.src, (progress) => {
        if (!photos.some((p) => p.key === key && p.status === 'uploading')) return;
        updatePhoto(key, { progress });
        render({ photos });
      });
      if (!photos.some((p) => p.key === key)) return; // removed while it was uploading
      updatePhoto(key, { status: 'done', progress: 100, fileID });
    } catch (error) {
      console.warn('[opinion-new] photo upload failed', toApiError(error, 'photo upload').code);
      if (!photos.some((p) => p.key === key)) return;
      updatePhoto(key, { status: 'failed' });
    }
    change({});
  }

  return {
    load(): void {
      if (!target) {
        render({ status: 'error', errorMessage: MESSAGES.noTarget });
        return;
      }
      photos = draft.photos.map((photo) => ({ key: nextKey(), src: photo.localPath, status: 'done', progress: 100, fileID: photo.fileID }));
      render({
        status: 'ready',
        targetName: target.name,
        targetKindLabel: target.kind === 'deputy' ? '代表' : '联络站',
        restored: hasContent(draft),
        ...derived(),
      });
    },

    chooseCategory(category: OpinionCategory): void {
      change({ category });
    },
    setText(text: string): void {
      change({ text });
    },
    ...contactSetters(change),
    setMayContact(mayContact: boolean): void {
      change({ mayContact });
    },

    async addPhotos(): Promise<void> {
      const picked = await choosePhotos(OPINION_PHOTOS_MAX - photos.length, (error) => {
        console.warn('[opinion-new] chooseMedia failed', error);
        showToast('暂时无法选择照片，请稍后再试');
      });
      if (!picked) return;
      const added = picked.slice(0, OPINION_PHOTOS_MAX - photos.length).map((image) => ({
        key: nextKey(),
        src: image.path,
        status: 'uploading' as const,
        progress: 0,
        fileID: '',
      }));
      photos = [...photos, ...added];
      await Promise.all(added.map((photo) => upload(photo.key)));
    },
    retryPhoto(key: string): Promise<void> {
      return upload(key);
    },
    removePhoto(key: string): void {
      photos = photos.filter((photo) => photo.key !== key);
      change({});
    },

    async pickLocation(): Promise<void> {
      try {
        const place = await chooseLocation();
        if (place) change({ location: place });
      } catch (error) {
        console.warn('[opinion-new] chooseLocation failed', error);
        showToast(MESSAGES.locationUnavailable);
      }
    },
    clearLocation(): void {
      change({ location: null });
    },

    /** Sends the opinion once; a retry after a failure sends the same clientRequestId. */
    async submit(): Promise<void> {
      if (!target || submitting) return;
      attempted = true;
      const errors = validateOpinion(draft, photos);
      if (hasErrors(errors)) {
        render({ errors, submitError: MESSAGES.checkFields });
        scrollToFirst(FIRST_INVALID_FIELD);
        return;
      }
      // The reply, the case closed, and the answer of a 代表建议 it goes into: WeChat asks for three at most.
      const templates = [CONFIG.opinionReplyTemplateId, CONFIG.caseAnsweredTemplateId, CONFIG.suggestionProgressTemplateId].filter(Boolean);
      if (!askedToNotify && templates.length > 0) {
        // Inside the tap, before anything is awaited: WeChat shows the question only then.
        askedToNotify = true;
        void askToNotify(templates);
      }
      submitting = true;
      render({ errors, submitting: true, submitError: '' });
      try {
        const result: SubmitOpinionResult = await callApi('opinion.submit', submitPayload(target, draft));
        clearDraft(target);
        render({ submitting: false, submitted: { trackingNo: result.trackingNo, trackingGroups: trackingGroups(result.trackingNo), statusLabel: result.statusLabel } });
      } catch (error) {
        const apiError = toApiError(error, 'opinion.submit');
        const fieldErrors: FieldErrors = { ...errors };
        let placed = false;
        for (const [path, message] of Object.entries(apiError.fields)) {
          const field = fieldOfServerPath(path);
          if (field && !fieldErrors[field]) {
            fieldErrors[field] = message;
            placed = true;
          }
        }
        if (apiError.code === 'OPINION.PHOTO_MISSING') {
          fieldErrors.photos = apiError.message;
          placed = true;
        }
        const submitError = apiError.code === 'COMMON.NETWORK' ? MESSAGES.networkKept : placed ? MESSAGES.checkFields : apiError.message;
        render({ submitting: false, errors: fieldErrors, submitError });
        if (placed) scrollToFirst(FIRST_INVALID_FIELD);
      } finally {
        submitting = false;
      }
    },

    async copyTrackingNo(trackingNo: string): Promise<void> {
      try {
        // WeChat says 内容已复制 itself.
        await copyText(trackingNo);
      } catch (error) {
        console.warn('[opinion-new] copy failed', error);
      }
    },
  };
}
