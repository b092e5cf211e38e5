import type { Core } from '@strapi/strapi';
import { registerDocumentRules } from './document-middlewares';
import { ensureLocales } from './bootstrap/locales';
import { enforcePublicPermissions } from './bootstrap/permissions';
import { memoizePublicPermissions } from './bootstrap/public-permissions-memo';
import { isContentEmpty, seedDemo } from './bootstrap/seed';
import { patchAdminSlugGenerator } from './bootstrap/admin-slugs';
import { applyAdminLayouts } from './bootstrap/admin-layout';
import { registerGraphqlExtensions } from './bootstrap/graphql';
import { hideInternalTypes } from './bootstrap/hide-internal-types';
import { maskQueuedAuditEntries } from './bootstrap/mask-audit-log';
import { disableRegistration, registerAccountLocks } from './bootstrap/lock-accounts';
import { ensureIndexes } from './bootstrap/indexes';
import { registerRebuildAdminRoutes } from './bootstrap/rebuild-admin';
import { refuseDraftActionsWithoutDrafts } from './bootstrap/no-draft-actions';
import { guardBulkPublish } from './bootstrap/guard-bulk-publish';
import { guardPreviewRoute } from './bootstrap/preview-route';
import { endSerialStartup, serializeStartup } from './bootstrap/serial-startup';
import { beginImmediateOnSqlite } from './bootstrap/sqlite-immediate';
import { registerTimeSlices } from './bootstrap/time-slices';
import { limitUploads } from './bootstrap/upload-limits';
import { registerArticleQuotesAdmin } from './bootstrap/article-quotes-admin';
import { registerQuoteAdminRoutes } from './bootstrap/quote-admin';
import { registerInspectionAdminRoutes, registerInspectionPermissions } from './bootstrap/inspection-admin';
import { registerFreshnessAdminRoutes } from './bootstrap/freshness-admin';
import { registerAuditAdminRoutes, registerAuditLogins, registerAuditPermissions } from './bootstrap/audit-admin';
import { registerReviewAdminRoutes, registerReviewPermissions } from './bootstrap/review-admin';
import { ensureReviewRoles } from './bootstrap/review-roles';
import { retryContentManagerConflicts } from './bootstrap/retry-conflicts';
import { getService } from './utils/services';
import { checkPurgeConfig } from './api/response-cache/services/purge';
import { warnDaysOf } from './api/channel/services/freshness';
import { settlePool } from './utils/settle-pool';
import { checkUploadInternals, guardPublishedFiles } from './bootstrap/guard-published-files';
import { guardUploadRoutes } from './bootstrap/upload-routes';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    // Before the bootstrap's schema sync, which they wrap.
    beginImmediateOnSqlite(strapi);
    serializeStartup(strapi);
    registerDocumentRules(strapi);
    registerGraphqlExtensions(strapi);
    hideInternalTypes(strapi);
    registerAccountLocks(strapi);
    registerRebuildAdminRoutes(strapi);
    refuseDraftActionsWithoutDrafts(strapi);
    guardBulkPublish(strapi);
    retryContentManagerConflicts(strapi);
    guardPreviewRoute(strapi);
    registerTimeSlices(strapi);
    limitUploads(strapi);
    registerArticleQuotesAdmin(strapi);
    registerQuoteAdminRoutes(strapi);
    registerInspectionAdminRoutes(strapi);
    registerFreshnessAdminRoutes(strapi);
    registerAuditAdminRoutes(strapi);
    registerAuditLogins(strapi);
    registerReviewAdminRoutes(strapi);
    guardPublishedFiles(strapi);
    guardUploadRoutes(strapi);
    // Before the admin's bootstrap gives Super Admins every registered action.
    await registerInspectionPermissions(strapi);
    await registerAuditPermissions(strapi);
    await registerReviewPermissions(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    try {
      await startUp(strapi);
    } finally {
      // Several instances on one PostgreSQL database start one at a time (src/bootstrap/serial-startup.ts).
      await endSerialStartup(strapi);
    }
    rebuild(strapi).start();
    // 定时发布 / 到期下线: the first look is at once, so jobs due while no instance ran are caught up.
    getService(strapi, 'scheduler').start();
  },

  /** Runs on shutdown, SIGTERM and SIGINT included: clicks waiting for their write are written first. */
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // First: a running job finishes (or rolls back) while the database is still open.
    await getService(strapi, 'scheduler').stop();
    await getService(strapi, 'clicks').stop();
    await getService(strapi, 'rebuild').stop();
    await getService(strapi, 'responseCache').stop();
    await getService(strapi, 'purge').drain();
    // A start that failed before its end still holds the start-up lock.
    await endSerialStartup(strapi);
    // Last: reads Strapi started after a commit (its entry events) end before the pool closes.
    await settlePool(strapi);
  },
};

const rebuild = (strapi: Core.Strapi) => getService(strapi, 'rebuild');

/** What every start checks and prepares, before the instance takes work: one instance at a time. */
const startUp = async (strapi: Core.Strapi) => {
  checkPurgeConfig(strapi.config.get('response-cache'));
  warnDaysOf(strapi); // INSPECTION_WARN_DAYS: refuse to start on a value that is not a number of days
  checkUploadInternals(strapi); // published files are immutable: fail the start if Strapi moved what that relies on
  // Before anything writes: every write from here on moves the content version.
  await getService(strapi, 'responseCache').start();
  await ensureLocales(strapi);
  await ensureIndexes(strapi);
  // Entries from before personal numbers were masked in the 操作日志, once (a migration queues it).
  const maskedEntries = await maskQueuedAuditEntries(strapi);
  if (maskedEntries) strapi.log.info(`[audit] masked personal numbers in ${maskedEntries} older entries`);
  await enforcePublicPermissions(strapi);
  memoizePublicPermissions(strapi);
  await disableRegistration(strapi);
  // After the locales: the 三审 roles are given both.
  const roles = await ensureReviewRoles(strapi);
  if (roles.length) strapi.log.info(`[review] created the roles ${roles.join(', ')}`);
  patchAdminSlugGenerator(strapi);
  await applyAdminLayouts(strapi);

  await rebuild(strapi).checkConfig();

  // Demo content only into an empty database, so a real site is never touched.
  if (process.env.SEED_DEMO !== 'false' && (await isContentEmpty(strapi))) {
    const seed = () => seedDemo(strapi);
    const { created } = strapi.config.get('rebuild.onSeed') ? await seed() : await rebuild(strapi).withoutRebuild(seed);
    strapi.log.info(`[seed] loaded demo content: ${created} documents`);
  }
  const terms = await getService(strapi, 'inspection').seedStarterTerms();
  if (terms) strapi.log.info(`[inspection] loaded the starter word list: ${terms} terms`);
  // The search index lives in the database; fill it when it is empty but articles are
  // published (the first start after an upgrade, a restored backup).
  const search = getService(strapi, 'search');
  const { indexed, published } = await search.counts();
  if (indexed === 0 && published > 0) strapi.log.info(`[search] indexed ${await search.reindex()} published articles`);
};
