import { namespaced } from './define';

export const opinionActions = namespaced('opinion', {});
