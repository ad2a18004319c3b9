import type { Profile } from '../shared/domain/account';
import { BINDING_CODE_LENGTH, isBindingCode, normalizeBindingCode } from '../shared/domain/bindingCode';
import { callApi, toApiError } from '../services/api';
import { rememberProfile } from '../stores/profile';

/**
 * Entering a one-time binding code, shared by the deputy and the staff bind pages. It lives in
 * the main package because those pages sit in different subpackages, which cannot import each other.
 */
export const BINDING_CODE_MESSAGES = {
  format: `绑定码是${BINDING_CODE_LENGTH}位字母和数字，请核对后重新输入`,
} as const;

export interface BindingCodeState {
  code: string;
  error: string;
  binding: boolean;
}

/**
 * The code typed (any case; spaces and dashes are fine) is checked before asking the server, so
 * a typo is explained at once; a refused code shows the server's reason under the field.
 * `bound` turns the profile the server returns into what the page shows once bound.
 */
export function createBindingCodeForm<S extends BindingCodeState>(options: {
  action: 'account.bindDeputy' | 'account.bindStaff';
  bound: (profile: Profile) => Partial<S>;
  render: (change: Partial<S>) => void;
}) {
  const { action, bound } = options;
  const render = options.render as (change: Partial<BindingCodeState>) => void;
  let code = '';
  let binding = false;

  return {
    setCode(text: string): void {
      code = text;
      render({ code, error: '' });
    },
    async bind(): Promise<void> {
      if (binding) return;
      const normalized = normalizeBindingCode(code);
      if (!isBindingCode(normalized)) {
        render({ error: BINDING_CODE_MESSAGES.format });
        return;
      }
      binding = true;
      render({ binding: true, error: '' });
      try {
        const profile = await callApi(action, { code: normalized });
        rememberProfile(profile);
        options.render({ binding: false, ...bound(profile) });
      } catch (error) {
        render({ binding: false, error: toApiError(error, action).message });
      } finally {
        binding = false;
      }
    },
  };
}
