/**
 * The editing and saving the station and deputy forms share: the form as typed, field messages
 * that only appear once a save has been tried (then follow every change), and a save that is
 * never sent twice at once and puts the server's refusals next to the fields they concern.
 */
import { DIRECTORY_MESSAGES, refusalOf, type FieldErrors } from './directory-form';

export interface DirectoryFormState<F, E> {
  form: F;
  errors: E;
  saving: boolean;
  saveError: string;
  saved: string;
}

export function createDirectoryFormEditor<F extends object, E extends object>(options: {
  initial: F;
  validate: (form: F) => E;
  render: (change: Partial<DirectoryFormState<F, E>> & Record<string, unknown>) => void;
  /** The save action, for the refusal's context. */
  action: string;
  /** The refusal that means the code is already used: shown under the code field. */
  codeTaken: string;
  /** Sends a form that passed validation; on success it keeps and shows what the server saved. */
  send: (form: F) => Promise<void>;
}) {
  const { validate, render } = options;
  let form = options.initial;
  let errors = {} as E;
  let tried = false;
  let saving = false;

  return {
    get form(): F {
      return form;
    },
    get errors(): E {
      return errors;
    },
    /** A form loaded or saved; shown by the caller along with what goes with it. */
    replace(next: F): void {
      form = next;
    },
    /** One field changed: shown at once, and the last 已保存 no longer holds. */
    set<K extends keyof F & string>(field: K, value: F[K]): void {
      form = { ...form, [field]: value };
      render({ [`form.${field}`]: value, saved: '' });
    },
    revalidate(): void {
      if (tried) {
        errors = validate(form);
        render({ errors });
      }
    },
    async save(): Promise<void> {
      if (saving) return;
      tried = true;
      errors = validate(form);
      if (Object.keys(errors).length > 0) {
        render({ errors, saveError: DIRECTORY_MESSAGES.fixErrors, saved: '' });
        return;
      }
      saving = true;
      render({ saving: true, saveError: '', saved: '', errors });
      try {
        await options.send(form);
      } catch (error) {
        const refusal = refusalOf(error, options.action);
        errors = { ...errors, ...(refusal.fields as FieldErrors) };
        if (refusal.code === options.codeTaken) errors = { ...errors, code: refusal.message };
        render({ saveError: refusal.message, errors });
      } finally {
        saving = false;
        render({ saving: false });
      }
    },
  };
}
