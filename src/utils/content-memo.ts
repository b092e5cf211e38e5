// Lookups every public read repeats (the default locale, the channel tree, the public
// role's view of the default populate) kept until content changes, as the response cache
// learns of changes (src/utils/content-changes.ts): on this instance
// at once, from others by NOTIFY or the version poll. While changes cannot be followed
// (the version is unknown), every call computes afresh.
import type { Core } from '@strapi/strapi';
import { contentChangesOf } from './content-changes';

export const contentMemo = <T>(strapi: Core.Strapi, compute: (key: string) => Promise<T>) => {
  const values = new Map<string, Promise<T>>();
  let generation = 0;
  let subscribed = false;
  return (key = '') => {
    const cache = contentChangesOf(strapi);
    if (!subscribed) {
      subscribed = true;
      cache.onChange(() => {
        generation += 1;
        values.clear();
      });
    }
    if (!cache.tracking()) return compute(key);
    let value = values.get(key);
    if (!value) {
      const startedIn = generation;
      value = compute(key);
      values.set(key, value);
      // A value computed across a change, or a failure, is not kept.
      value.then(
        () => startedIn !== generation && values.get(key) === value && values.delete(key),
        () => values.get(key) === value && values.delete(key)
      );
    }
    return value;
  };
};
