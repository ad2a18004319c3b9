import type { PayloadOf } from '../../shared/contract';
import type { DayDetail } from '../../shared/contract/booking';
import { NAME_MAX_LENGTH, normalizeMobile, TOPIC_MAX_LENGTH, type MyBooking } from '../../shared/domain/booking';
import { messageFor } from '../../shared/errors';
import { callApi, toApiError } from '../../services/api';
import { scrollToFirst } from '../../services/wx';
import { askToNotify } from '../../services/subscriptions';
import { finishBookingDraft, loadBookingDraft, saveBookingDraft, type BookingDraft } from '../../stores/booking-drafts';
import { bookingCodeView, whenLabel, type BookingCodeView } from '../../views/booking';
import { contactSetters } from '../../utils/contact-fields';
import type { LoadStatus } from '../../utils/load-state';

export const BOOKING_MESSAGES = {
  noSlot: '没有找到这个时段，请返回重新选择',
  topicEmpty: '请写一下您想反映什么事情',
  topicLong: `最多${TOPIC_MAX_LENGTH}个字，请简短一些，详细的到时当面说`,
  nameEmpty: '请填写您的姓名或称呼',
  nameLong: `姓名最多${NAME_MAX_LENGTH}个字`,
  phone: messageFor('BOOKING.INVALID_PHONE'),
  checkFields: '还有内容需要修改，请看上面红字提示',
  networkKept: '网络不太稳定，没有预约成功。您填写的内容已保存在手机上，请稍后再点一次',
} as const;

export interface FieldErrors {
  topic: string;
  name: string;
  phone: string;
}

export const NO_ERRORS: FieldErrors = { topic: '', name: '', phone: '' };

/** The server's rules (shared/contract/booking.ts), said before anything is sent over a weak network. */
export function validateBooking(draft: Pick<BookingDraft, 'topic' | 'name' | 'phone'>): FieldErrors {
  const topic = draft.topic.trim().length;
  const name = draft.name.trim().length;
  return {
    topic: topic === 0 ? BOOKING_MESSAGES.topicEmpty : topic > TOPIC_MAX_LENGTH ? BOOKING_MESSAGES.topicLong : '',
    name: name === 0 ? BOOKING_MESSAGES.nameEmpty : name > NAME_MAX_LENGTH ? BOOKING_MESSAGES.nameLong : '',
    phone: normalizeMobile(draft.phone) ? '' : BOOKING_MESSAGES.phone,
  };
}

export const hasErrors = (errors: FieldErrors): boolean => Object.values(errors).some(Boolean);

export function bookPayload(dayId: string, slotId: string, draft: BookingDraft): PayloadOf<'booking.book'> {
  return {
    dayId,
    slotId,
    topic: draft.topic.trim(),
    name: draft.name.trim(),
    phone: normalizeMobile(draft.phone) ?? draft.phone.trim(),
    shareContactWithDeputies: draft.shareContact,
    clientRequestId: draft.clientRequestId,
  };
}

/** What the resident keeps from a booking: the code to show, and when and where to go. */
export interface DoneView {
  waiting: boolean;
  /** Found on opening the form: the resident already holds this day. */
  existing: boolean;
  /** Place in the waitlist, when just joined. */
  position: number | null;
  code: BookingCodeView;
  whenLabel: string;
  stationName: string;
  stationAddress: string;
}

export function doneView(booking: MyBooking, existing: boolean, position: number | null = null): DoneView {
  return {
    waiting: booking.status === 'waiting',
    existing,
    position,
    code: bookingCodeView(booking.code),
    whenLabel: whenLabel(booking.date, booking.slotStart, booking.slotEnd),
    stationName: booking.stationName,
    stationAddress: booking.stationAddress,
  };
}

export interface BookingFormState {
  status: LoadStatus;
  errorMessage: string;
  /** The slot is full: sending queues the resident for it. */
  waitlist: boolean;
  /** Why this slot cannot be booked any more (started, day cancelled); '' while it can. */
  closedMessage: string;
  whenLabel: string;
  stationName: string;
  stationAddress: string;
  deputiesLabel: string;
  topic: string;
  topicCount: number;
  topicMax: number;
  name: string;
  phone: string;
  /** 接待代表可以看到我的完整电话: the resident's choice, off by default. */
  shareContact: boolean;
  /** Shown once the resident has tried to send; from then on they follow every change. */
  errors: FieldErrors;
  restored: boolean;
  submitting: boolean;
  submitError: string;
  /** The refusal says the resident already holds a place this day: offer 我的预约. */
  showMyBookings: boolean;
  done: DoneView | null;
}

export function initialBookingFormState(): BookingFormState {
  return {
    status: 'loading',
    errorMessage: '',
    waitlist: false,
    closedMessage: '',
    whenLabel: '',
    stationName: '',
    stationAddress: '',
    deputiesLabel: '',
    topic: '',
    topicCount: 0,
    topicMax: TOPIC_MAX_LENGTH,
    name: '',
    phone: '',
    shareContact: false,
    errors: NO_ERRORS,
    restored: false,
    submitting: false,
    submitError: '',
    showMyBookings: false,
    done: null,
  };
}

const HOLDS_THE_DAY: ReadonlyArray<MyBooking['status']> = ['booked', 'waiting', 'checkedIn'];

/**
 * The booking form for one slot. Every change is saved on the phone at once; the draft goes
 * only once the booking is made. Sending asks for reminder permission first (from the tap, as
 * WeChat requires); whatever the resident answers, the booking goes ahead.
 */
export function createBookingForm(dayId: string, slotId: string, render: (change: Partial<BookingFormState>) => void) {
  const loaded = loadBookingDraft(dayId);
  let draft = loaded.draft;
  let detail: DayDetail | null = null;
  let waitlist = false;
  let attempted = false;
  let submitting = false;

  const fields = (): Partial<BookingFormState> => ({
    topic: draft.topic,
    topicCount: draft.topic.trim().length,
    name: draft.name,
    phone: draft.phone,
    shareContact: draft.shareContact,
    errors: attempted ? validateBooking(draft) : NO_ERRORS,
  });

  function change(update: Partial<BookingDraft>): void {
    draft = { ...draft, ...update };
    saveBookingDraft(dayId, draft);
    render({ ...fields(), submitError: '' });
  }

  return {
    async load(): Promise<void> {
      render({ status: 'loading', errorMessage: '' });
      try {
        detail = await callApi('booking.getDay', { dayId });
      } catch (error) {
        render({ status: 'error', errorMessage: toApiError(error, 'booking.getDay').message });
        return;
      }
      const { day, station, deputies, mine } = detail;
      if (mine && HOLDS_THE_DAY.includes(mine.status)) {
        render({ status: 'ready', done: doneView(mine, true) });
        return;
      }
      const slot = day.slots.find((s) => s.id === slotId);
      if (!slot) {
        render({ status: 'error', errorMessage: BOOKING_MESSAGES.noSlot });
        return;
      }
      waitlist = slot.state === 'full';
      const closed = slot.state === 'started' ? 'BOOKING.CLOSED' : slot.state === 'cancelled' ? 'BOOKING.DAY_CANCELLED' : null;
      render({
        status: 'ready',
        waitlist,
        closedMessage: closed ? messageFor(closed) : '',
        whenLabel: whenLabel(day.date, slot.start, slot.end),
        stationName: station.name,
        stationAddress: station.address,
        deputiesLabel: deputies.length > 0 ? `值班代表：${deputies.map((d) => d.name).join('、')}` : '',
        restored: loaded.restored,
        ...fields(),
      });
    },

    setTopic(topic: string): void {
      change({ topic });
    },
    ...contactSetters(change),
    setShareContact(shareContact: boolean): void {
      change({ shareContact });
    },

    /** Books once: a retry after a lost answer sends the same clientRequestId. */
    async submit(): Promise<void> {
      if (!detail || submitting) return;
      attempted = true;
      const errors = validateBooking(draft);
      if (hasErrors(errors)) {
        render({ errors, submitError: BOOKING_MESSAGES.checkFields });
        scrollToFirst('.field--invalid');
        return;
      }
      submitting = true;
      render({ errors, submitting: true, submitError: '', showMyBookings: false });
      await askToNotify(detail.notifyTemplateIds);
      const payload = bookPayload(dayId, slotId, draft);
      try {
        const { booking, position = null } = waitlist ? await callApi('booking.joinWaitlist', payload) : { ...(await callApi('booking.book', payload)), position: null };
        finishBookingDraft(dayId, draft);
        render({ submitting: false, done: doneView(booking, false, position) });
      } catch (error) {
        const apiError = toApiError(error, waitlist ? 'booking.joinWaitlist' : 'booking.book');
        const fieldErrors: FieldErrors = { ...errors };
        for (const key of ['topic', 'name', 'phone'] as const) fieldErrors[key] ||= apiError.fields[key] ?? '';
        if (apiError.code === 'BOOKING.INVALID_PHONE') fieldErrors.phone = apiError.message;
        // Full since the resident looked: the same form now queues them.
        if (apiError.code === 'BOOKING.FULL') waitlist = true;
        const submitError = apiError.code === 'COMMON.NETWORK' ? BOOKING_MESSAGES.networkKept : hasErrors(fieldErrors) ? BOOKING_MESSAGES.checkFields : apiError.message;
        render({ submitting: false, errors: fieldErrors, waitlist, submitError, showMyBookings: apiError.code === 'BOOKING.ALREADY_BOOKED' });
      } finally {
        submitting = false;
      }
    },
  };
}
