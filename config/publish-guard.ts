import type { Core } from '@strapi/strapi';

// The publish checks (src/features/inspection). On by default, in production too. PUBLISH_CHECKS=false
// turns the guard off (the checks still show in the edit view), e.g. while an old site
// is imported and reviewed afterwards with the same checks.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  enabled: env.bool('PUBLISH_CHECKS', true),
});
