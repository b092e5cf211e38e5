import type { Core } from '@strapi/strapi';

// Preview links (src/features/preview/service.ts): how long one opened from the admin's
// preview button stays valid. Short: the admin asks for a new one each time it shows the preview.
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const raw = (env('PREVIEW_TTL_MINUTES', '') as string).trim();
  const ttlMinutes = raw === '' ? 15 : /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(ttlMinutes) || ttlMinutes < 1 || ttlMinutes > 120) {
    throw new Error(`PREVIEW_TTL_MINUTES must be a whole number of minutes from 1 to 120, not "${raw}"`);
  }
  return { ttlMinutes };
};
