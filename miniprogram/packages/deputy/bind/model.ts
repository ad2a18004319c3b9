import { rememberedRoles } from '../../../stores/profile';
import { createBindingCodeForm, type BindingCodeState } from '../../../utils/binding-code-form';

export interface BindState extends BindingCodeState {
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
  const form = createBindingCodeForm<BindState>({
    action: 'account.bindDeputy',
    bound: (profile) => ({ boundName: profile.deputy?.name ?? '' }),
    render,
  });
  return {
    load(): void {
      render({ boundName: rememberedRoles().deputyName });
    },
    ...form,
  };
}
