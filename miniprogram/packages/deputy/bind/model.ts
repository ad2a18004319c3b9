import { BINDING_CODE_LENGTH, isBindingCode, normalizeBindingCode } from '../../../shared/domain/bindingCode';
import { callApi, toApiError } from '../../../services/api';
import { rememberedRoles, rememberProfile } from '../../../stores/profile';

export const BIND_MESSAGES = {
  format: `绑定码是${BINDING_CODE_LENGTH}位字母和数字，请核对后重新输入`,
} as const;

export interface BindState {
  code: string;
  error: string;
  binding: boolean;
  /** The deputy this WeChat account now is; '' until bound. */
  boundName: string;
}

export function initialBindState(): BindState {
  return { code: '', error: '', binding: false, boundName: '' };
}

/**
 * A deputy types the one-time code staff gave them (any case; spaces and dashes are fine);
 * this WeChat account becomes that deputy. A used, expired or revoked code is refused with
 * the reason and what to do, right under the field.
 */
export function createBindForm(render: (change: Partial<BindState>) => void) {
  let code = '';
  let binding = false;

  return {
    start(): void {
      render({ boundName: rememberedRoles().deputyName });
    },
    setCode(text: string): void {
      code = text;
      render({ code, error: '' });
    },
    async bind(): Promise<void> {
      if (binding) return;
      const normalized = normalizeBindingCode(code);
      if (!isBindingCode(normalized)) {
        render({ error: BIND_MESSAGES.format });
        return;
      }
      binding = true;
      render({ binding: true, error: '' });
      try {
        const profile = await callApi('account.bindDeputy', { code: normalized });
        rememberProfile(profile);
        render({ binding: false, boundName: profile.deputy?.name ?? '' });
      } catch (error) {
        render({ binding: false, error: toApiError(error, 'account.bindDeputy').message });
      } finally {
        binding = false;
      }
    },
  };
}
