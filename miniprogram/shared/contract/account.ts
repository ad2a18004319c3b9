import { z } from 'zod';
import { FONT_SCALES, type Profile } from '../domain/account';
import { action, namespaced } from './define';

export const accountActions = namespaced('account', {
  getProfile: action<Profile>()(z.strictObject({})),
  updatePreferences: action<Profile>()(z.strictObject({ fontScale: z.enum(FONT_SCALES) })),
});
