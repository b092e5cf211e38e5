// Where the features learn that content changed (on this instance or another): the
// response cache follows the content version and provides it at register
// (src/features/response-cache/index.ts). A lower layer asks here, not the feature.
import type { Core } from '@strapi/strapi';

export type ContentChanges = {
  /** Called after every change readers could see, from any instance. */
  onChange: (listener: () => void) => void;
  /** Whether changes are followed now (the version is known); if not, nothing may be kept. */
  tracking: () => boolean;
};

const sources = new WeakMap<Core.Strapi, () => ContentChanges>();

export const provideContentChanges = (strapi: Core.Strapi, source: () => ContentChanges) => {
  sources.set(strapi, source);
};

export const contentChangesOf = (strapi: Core.Strapi): ContentChanges => {
  const source = sources.get(strapi);
  if (!source) throw new Error('No feature provides content changes: the response-cache feature must be registered');
  return source();
};
