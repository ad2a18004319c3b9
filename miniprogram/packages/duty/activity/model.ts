import type { ActivityView } from '../../../shared/contract/duty';
import { ACTIVITY_PHOTOS_MAX } from '../../../shared/domain/duty';
import { callApi, toApiError } from '../../../services/api';
import { choosePhotos, uploadDutyPhoto } from '../../../services/photos';
import { showToast } from '../../../services/wx';
import { loading, settle, type Loaded } from '../../../utils/load-state';
import { oneAtATime, refusalText } from '../../../utils/one-at-a-time';
import { randomId } from '../../../utils/random';
import { createActivityForm, initialActivityFormState, type ActivityFormState } from '../../../utils/activity-form';

export const ACTIVITY_MESSAGES = {
  chooseType: '请先选择活动类型',
  added: '已提交，等待工作人员确认',
  photosUploading: '照片还在上传，请稍等片刻再提交',
  photosFailed: '有照片没有上传成功，请删除后重新添加',
} as const;

export interface ActivityPhoto {
  key: string;
  src: string;
  status: 'uploading' | 'done' | 'failed';
  fileID: string;
}

export interface ActivityRow {
  id: string;
  title: string;
  note: string;
  statusLabel: string;
  pending: boolean;
  photos: string[];
}

export interface ActivityPageView {
  rows: ActivityRow[];
}

export interface DutyActivityState extends Loaded<ActivityPageView>, ActivityFormState {
  photos: ActivityPhoto[];
  canAddPhoto: boolean;
  working: boolean;
}

/** The deputy's activities of the year, newest first, each with where it stands (待工作人员确认, 已确认…). */
export function toActivityPageView(activities: readonly ActivityView[]): ActivityPageView {
  return {
    rows: [...activities]
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
      .map((activity) => ({
        id: activity.activityId,
        title: `${activity.date} ${activity.typeLabel}：${activity.place}`,
        note: activity.note,
        statusLabel: activity.statusLabel,
        pending: activity.status === 'pending',
        photos: activity.photos,
      })),
  };
}

export function initialDutyActivityState(): DutyActivityState {
  return { ...loading<ActivityPageView>(), ...initialActivityFormState(), photos: [], canAddPhoto: true, working: false };
}

/**
 * 添加履职活动: the deputy records an activity outside the product (视察, 调研, 会议…) with its date,
 * place and a note; it counts once station staff confirm it, and until then shows as awaiting.
 * One request id per form, so a retried submit adds the activity once.
 */
export function createDutyActivity(render: (change: Partial<DutyActivityState>) => void) {
  const form = createActivityForm(render);
  let requestId = randomId();
  const runner = oneAtATime(render, 'duty activity');
  let photos: ActivityPhoto[] = [];
  let photoKeys = 0;
  const showPhotos = () => render({ photos, canAddPhoto: photos.length < ACTIVITY_PHOTOS_MAX, formError: '' });

  async function upload(key: string, src: string): Promise<void> {
    try {
      const fileID = await uploadDutyPhoto(src, () => undefined);
      photos = photos.map((photo) => (photo.key === key ? { ...photo, status: 'done', fileID } : photo));
    } catch (error) {
      console.warn('[duty-activity] photo upload failed', toApiError(error, 'photo upload').code);
      photos = photos.map((photo) => (photo.key === key ? { ...photo, status: 'failed' } : photo));
    }
    showPhotos();
  }
  async function load(): Promise<void> {
    render(
      await settle(
        () => callApi('duty.getRecord', { year: form.year() }),
        (record) => toActivityPageView(record.activities),
      ),
    );
  }
  return {
    load,
    choose: form.choose,
    /** Photos upload as soon as they are picked; the activity carries their fileIDs. */
    async addPhotos(): Promise<void> {
      const picked = await choosePhotos(ACTIVITY_PHOTOS_MAX - photos.length, (error) =>
        console.warn('[duty-activity] choosing photos failed', toApiError(error, 'choose photos').code),
      );
      if (!picked) return;
      const added = picked.map((image) => ({ key: `photo-${(photoKeys += 1)}`, src: image.path, status: 'uploading' as const, fileID: '' }));
      photos = [...photos, ...added];
      showPhotos();
      await Promise.all(added.map((photo) => upload(photo.key, photo.src)));
    },
    removePhoto(key: string): void {
      photos = photos.filter((photo) => photo.key !== key);
      showPhotos();
    },
    set: form.set,
    async submit(): Promise<void> {
      const fields = form.fields();
      if (!fields) return render({ formError: ACTIVITY_MESSAGES.chooseType });
      if (photos.some((photo) => photo.status === 'uploading')) return render({ formError: ACTIVITY_MESSAGES.photosUploading });
      if (photos.some((photo) => photo.status === 'failed')) return render({ formError: ACTIVITY_MESSAGES.photosFailed });
      await runner.step(
        async () => {
          await callApi('duty.addActivity', {
            clientRequestId: requestId,
            ...fields,
            photos: photos.map((photo) => photo.fileID),
          });
          requestId = randomId();
          photos = [];
          render({ ...form.clear(), photos, canAddPhoto: true });
          showToast(ACTIVITY_MESSAGES.added);
          await load();
        },
        { clear: { formError: '' }, refused: (error) => ({ formError: refusalText(error) }) },
      );
    },
  };
}
