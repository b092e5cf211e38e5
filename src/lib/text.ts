// Small text helpers shared by pure code and middlewares.

/** `value` as a literal inside a RegExp. */
export const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
