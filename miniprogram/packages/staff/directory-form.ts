/**
 * What the station and deputy forms share: the staff member's scope, field rules that mirror the
 * server's (shared/contract/admin.ts), and server refusals in plain words.
 */
import type { StaffScope } from '../../shared/domain/account';
import type { Area } from '../../shared/domain/directory';
import { toApiError } from '../../services/api';
import type { LoadStatus } from '../../utils/load-state';
import { heldStaffScope } from '../../stores/profile';

export const DIRECTORY_MESSAGES = {
  notStaff: '这里是人大工作人员使用的，您的微信还没有开通工作人员权限',
  required: '必填',
  fixErrors: '请按红字提示修改后再保存',
} as const;

export type FieldErrors = Record<string, string>;

/** The staff member's scope, or null for anyone else (a department handler has no directory to edit). */
export async function loadScope(): Promise<StaffScope | null> {
  const staff = await heldStaffScope();
  return staff && staff.role !== 'handler' ? staff : null;
}

/**
 * Opens a staff page: `fill` runs with the staff member's scope; anyone else is told the page is
 * not for them, and a failure is shown with 重试 (which calls this again). By default the page is
 * a station or deputy form: `who` names another scope (the roster's: any staff) and its words.
 */
export async function loadInStaffScope(
  render: (change: { status: LoadStatus; errorMessage?: string }) => void,
  context: string,
  fill: (scope: StaffScope) => Promise<void>,
  who: { scope: () => Promise<StaffScope | null>; notStaff: string } = { scope: loadScope, notStaff: DIRECTORY_MESSAGES.notStaff },
): Promise<void> {
  render({ status: 'loading' });
  try {
    const scope = await who.scope();
    if (!scope) {
      render({ status: 'error', errorMessage: who.notStaff });
      return;
    }
    await fill(scope);
  } catch (error) {
    render({ status: 'error', errorMessage: toApiError(error, context).message });
  }
}

/** Required text, trimmed, at most `max` characters: the message, or '' when it is fine. */
export function requiredText(value: string, max: number): string {
  const text = value.trim();
  if (!text) return DIRECTORY_MESSAGES.required;
  return text.length > max ? `最多${max}个字` : '';
}

export function optionalText(value: string, max: number): string {
  return value.trim().length > max ? `最多${max}个字` : '';
}

/** A form's code and text fields as the server keeps them: trimmed, the code in capitals. */
export function savedText<F extends { code: string }, K extends keyof F>(form: F, fields: readonly K[]): { code: string } & Record<K, string> {
  const text = Object.fromEntries(fields.map((field) => [field, String(form[field]).trim()])) as Record<K, string>;
  return { code: form.code.trim().toUpperCase(), ...text };
}

/** Only the errors that say something. */
export function compact(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== ''));
}

/** The areas a staff member may place a station in: their own and every area under it. */
export function areasInScope(areas: readonly Area[], scope: StaffScope): Area[] {
  return areas.filter((area) => area.path.includes(scope.areaId));
}

/** A save refused or failed: the plain message, and the field messages the server named. */
export function refusalOf(error: unknown, context: string): { code: string; message: string; fields: FieldErrors } {
  const apiError = toApiError(error, context);
  return { code: apiError.code, message: apiError.message, fields: apiError.fields };
}
