import type { Core } from '@strapi/strapi';

// Preview links (src/api/article/services/preview.ts): how long one opened from the admin's
// preview button stays valid. Short: the admin asks for a new one each time it shows the preview.
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const ttlMinutes = env.int('PREVIEW_TTL_MINUTES', 15);
  if (!Number.isInteger(ttlMinutes) || ttlMinutes < 1 || ttlMinutes > 24 * 60) {
    throw new Error(`PREVIEW_TTL_MINUTES must be a whole number of minutes from 1 to 1440, not "${env('PREVIEW_TTL_MINUTES')}"`);
  }
  return { ttlMinutes };
};
