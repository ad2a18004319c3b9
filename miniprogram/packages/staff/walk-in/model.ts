import { NAME_MAX_LENGTH, normalizeMobile, TOPIC_MAX_LENGTH } from '../../../shared/domain/booking';
import { messageFor } from '../../../shared/errors';
import { callApi, toApiError } from '../../../services/api';
import { randomId } from '../../../utils/random';

export const WALK_IN_MESSAGES = {
  name: '请填写来访者姓名或称呼',
  nameLong: `姓名最多${NAME_MAX_LENGTH}个字`,
  topic: '请写一下来访者反映什么事情',
  topicLong: `最多${TOPIC_MAX_LENGTH}个字，详细内容请写在接待记录里`,
  phone: messageFor('BOOKING.INVALID_PHONE'),
} as const;

export interface WalkInFields {
  name: string;
  phone: string;
  topic: string;
}

export type WalkInErrors = WalkInFields;

const NO_ERRORS: WalkInErrors = { name: '', phone: '', topic: '' };

/** The phone is optional for a walk-in; if given, it must be a mainland mobile number. */
export function validateWalkIn(fields: WalkInFields): WalkInErrors {
  const name = fields.name.trim().length;
  const topic = fields.topic.trim().length;
  return {
    name: name === 0 ? WALK_IN_MESSAGES.name : name > NAME_MAX_LENGTH ? WALK_IN_MESSAGES.nameLong : '',
    phone: fields.phone.trim() && !normalizeMobile(fields.phone) ? WALK_IN_MESSAGES.phone : '',
    topic: topic === 0 ? WALK_IN_MESSAGES.topic : topic > TOPIC_MAX_LENGTH ? WALK_IN_MESSAGES.topicLong : '',
  };
}

export interface WalkInState extends WalkInFields {
  errors: WalkInErrors;
  submitting: boolean;
  submitError: string;
  /** Who was just registered; the form is ready for the next visitor. */
  registered: string;
}

export function initialWalkInState(): WalkInState {
  return { name: '', phone: '', topic: '', errors: NO_ERRORS, submitting: false, submitError: '', registered: '' };
}

/**
 * Staff register a visitor who came without booking. Each visitor gets one clientRequestId, so
 * a retry after a lost answer registers them once.
 */
export function createWalkIn(dayId: string, render: (change: Partial<WalkInState>) => void) {
  let fields: WalkInFields = { name: '', phone: '', topic: '' };
  let clientRequestId = randomId();
  let attempted = false;
  let submitting = false;

  function change(update: Partial<WalkInFields>): void {
    fields = { ...fields, ...update };
    render({ ...update, errors: attempted ? validateWalkIn(fields) : NO_ERRORS, submitError: '' });
  }

  return {
    setName: (name: string) => change({ name }),
    setPhone: (phone: string) => change({ phone: phone.replace(/\s+/g, '') }),
    setTopic: (topic: string) => change({ topic }),
    async submit(): Promise<void> {
      if (submitting) return;
      attempted = true;
      const errors = validateWalkIn(fields);
      if (Object.values(errors).some(Boolean)) {
        render({ errors });
        return;
      }
      submitting = true;
      render({ errors, submitting: true, submitError: '', registered: '' });
      try {
        const phone = normalizeMobile(fields.phone);
        const { entry } = await callApi('booking.addWalkIn', {
          dayId,
          name: fields.name.trim(),
          topic: fields.topic.trim(),
          clientRequestId,
          ...(phone ? { phone } : {}),
        });
        fields = { name: '', phone: '', topic: '' };
        clientRequestId = randomId();
        attempted = false;
        render({ ...fields, submitting: false, registered: entry.name });
      } catch (error) {
        render({ submitting: false, submitError: toApiError(error, 'booking.addWalkIn').message });
      } finally {
        submitting = false;
      }
    },
  };
}
