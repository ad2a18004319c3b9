import { namespaced } from './define';

export const adminActions = namespaced('admin', {});
