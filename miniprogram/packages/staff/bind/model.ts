import { STAFF_ROLE_LABELS, type Profile } from '../../../shared/domain/account';
import { readStorage } from '../../../services/wx';
import { PROFILE_STORAGE_KEY } from '../../../stores/profile';
import { STAFF_ASSIGNED_URL, STAFF_CASES_URL } from '../../../routes';
import { createBindingCodeForm, type BindingCodeState } from '../../../utils/binding-code-form';

export interface StaffBindState extends BindingCodeState {
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
  const form = createBindingCodeForm<StaffBindState>({
    action: 'account.bindStaff',
    bound: (profile) => boundView(profile.staff),
    render,
  });
  return {
    load(): void {
      const stored = readStorage(PROFILE_STORAGE_KEY) as Partial<Profile> | undefined;
      render(boundView(typeof stored === 'object' && stored !== null ? stored.staff : undefined));
    },
    ...form,
  };
}
