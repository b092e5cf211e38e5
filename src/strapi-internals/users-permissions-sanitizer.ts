// The output sanitizer users-permissions registers, to know it among the registered ones
// (src/features/reader/article-reads.ts). Not among the package's exports: its compiled
// module is reached beside the server entry, and its lazy `__require` called (pinned 5.54.0).
import path from 'path';

type SanitizersModule = { __require: () => { defaultSanitizeOutput: unknown } };

/** The sanitizer function, or null where the package's layout is not the one pinned. */
export const usersPermissionsOutputSanitizer = (): unknown => {
  try {
    const entry = require.resolve('@strapi/plugin-users-permissions/strapi-server');
    const file = path.join(path.dirname(entry), 'utils/sanitize/sanitizers.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(file) as SanitizersModule).__require().defaultSanitizeOutput;
  } catch {
    return null;
  }
};
