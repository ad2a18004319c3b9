import { namespaced } from './define';

export const bookingActions = namespaced('booking', {});
