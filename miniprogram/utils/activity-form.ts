import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES, type ActivityType } from '../shared/domain/duty';
import { shanghaiDate } from '../shared/domain/time';
import { appClock } from '../services/clock';

/** The fields a duty activity is recorded with, as the deputy's form and the staff's group form render them. */
export interface ActivityFormState {
  types: ReadonlyArray<{ value: ActivityType; label: string }>;
  type: ActivityType | '';
  date: string;
  /** The latest date the picker offers. */
  today: string;
  place: string;
  note: string;
  formError: string;
}

export type ActivityTextField = 'date' | 'place' | 'note';

/** A blank form dated today (Shanghai). */
export function initialActivityFormState(): ActivityFormState {
  const today = shanghaiDate(appClock.now());
  return {
    types: ACTIVITY_TYPES.map((value) => ({ value, label: ACTIVITY_TYPE_LABELS[value] })),
    type: '',
    date: today,
    today,
    place: '',
    note: '',
    formError: '',
  };
}

/** The activity form's fields as they are typed; a change clears the form's error. */
export function createActivityForm(render: (change: Partial<ActivityFormState>) => void) {
  const form = { type: '' as ActivityType | '', date: initialActivityFormState().date, place: '', note: '' };
  return {
    /** The year of the activity's date: the record the page shows beside the form. */
    year(): number {
      return Number(form.date.slice(0, 4));
    },
    // Arrows: the pages' models hand these on as their own handlers.
    choose: (type: ActivityType): void => {
      form.type = type;
      render({ type, formError: '' });
    },
    set: (field: ActivityTextField, value: string): void => {
      form[field] = value;
      render({ [field]: value, formError: '' });
    },
    /** What `duty.addActivity` is sent of the form, place and note trimmed; null until a type is chosen. */
    fields(): { type: ActivityType; date: string; place: string; note: string } | null {
      const { type } = form;
      return type ? { type, date: form.date, place: form.place.trim(), note: form.note.trim() } : null;
    },
    /** Empties the form for the next activity (the date stays); answers the change to render. */
    clear(): Pick<ActivityFormState, 'type' | 'place' | 'note'> {
      form.type = '';
      form.place = '';
      form.note = '';
      return { type: '', place: '', note: '' };
    },
  };
}
