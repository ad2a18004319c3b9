import { STAFF_ROLE_LABELS, type Profile } from '../../../shared/domain/account';
import { BINDING_CODE_LENGTH, isBindingCode, normalizeBindingCode } from '../../../shared/domain/bindingCode';
import { callApi, toApiError } from '../../../services/api';
import { readStorage } from '../../../services/wx';
import { PROFILE_STORAGE_KEY, rememberProfile } from '../../../stores/profile';
import { STAFF_ASSIGNED_URL, STAFF_CASES_URL } from '../../../routes';

export const STAFF_BIND_MESSAGES = {
  format: `绑定码是${BINDING_CODE_LENGTH}位字母和数字，请核对后重新输入`,
} as const;

export interface StaffBindState {
  code: string;
  error: string;
  binding: boolean;
  /** 江南区民政局 承办单位经办人, once this WeChat account is staff; '' until then. */
  boundLabel: string;
  /** Where their work is: 承办工作台 for handlers, 意见办理 for everyone else. */
  deskLabel: string;
  deskUrl: string;
}

export function initialStaffBindState(): StaffBindState {
  return { code: '', error: '', binding: false, boundLabel: '', deskLabel: '', deskUrl: '' };
}

export function boundView(staff: Profile['staff']): Pick<StaffBindState, 'boundLabel' | 'deskLabel' | 'deskUrl'> {
  if (!staff) return { boundLabel: '', deskLabel: '', deskUrl: '' };
  const isHandler = staff.role === 'handler';
  return {
    boundLabel: [isHandler ? staff.departmentName : '', STAFF_ROLE_LABELS[staff.role]].filter(Boolean).join(' '),
    deskLabel: isHandler ? '进入承办工作台' : '进入意见办理',
    deskUrl: isHandler ? STAFF_ASSIGNED_URL : STAFF_CASES_URL,
  };
}

/**
 * A staff member or department handler types the one-time code an administrator gave them;
 * this WeChat account becomes that staff member. A refused code is explained under the field.
 */
export function createStaffBindForm(render: (change: Partial<StaffBindState>) => void) {
  let code = '';
  let binding = false;

  return {
    start(): void {
      const stored = readStorage(PROFILE_STORAGE_KEY) as Partial<Profile> | undefined;
      render(boundView(typeof stored === 'object' && stored !== null ? stored.staff : undefined));
    },
    setCode(text: string): void {
      code = text;
      render({ code, error: '' });
    },
    async bind(): Promise<void> {
      if (binding) return;
      const normalized = normalizeBindingCode(code);
      if (!isBindingCode(normalized)) {
        render({ error: STAFF_BIND_MESSAGES.format });
        return;
      }
      binding = true;
      render({ binding: true, error: '' });
      try {
        const profile = await callApi('account.bindStaff', { code: normalized });
        rememberProfile(profile);
        render({ binding: false, ...boundView(profile.staff) });
      } catch (error) {
        render({ binding: false, error: toApiError(error, 'account.bindStaff').message });
      } finally {
        binding = false;
      }
    },
  };
}
