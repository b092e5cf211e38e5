// Strapi's admin API where its panel asks what this project has no use for, or leaves out
// what an administrator needs (#32):
//   AI       the admin asks GET /admin/ai-feature-config on every edit view and the i18n
//            plugin GET /i18n/ai-localization-jobs/… (…/undefined on a new entry), unasked,
//            whatever `admin.ai.enabled` says; with AI off (no Enterprise licence, or
//            config/admin.ts) Strapi answers both 404. Here they answer what Strapi's own
//            services say when AI is off: no AI feature configured, and no job.
//   homepage the 最近编辑的条目 widget (content-manager's homepage service) lists the last
//            documents of every type the user may read; the platform's internal types (word
//            list, accepted warnings, review records, rebuild log) are not what editors look for.
//   invites  GET /admin/users/:id leaves the registration token out, so the invitation link
//            Strapi shows on the user's page (Settings › Users) vanishes once the first
//            dialog is closed; it is put back for a user not yet registered, for whoever may
//            read and create users (who could make a new invitation anyway).
// Each reach is asserted in tests/integration/strapi-internals.test.ts.
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { extendController } from './content-manager';

type Ctx = {
  params: Record<string, string>;
  body?: unknown;
  state: { userAbility?: { can: (action: string, subject?: unknown) => boolean } };
};
type Action = (this: unknown, ctx: Ctx) => Promise<unknown>;

// Relies on: strapi.ai.admin.isEnabled() (admin/server/src/ai/services/ai) and i18n's service('ai-localizations').isEnabled().
const aiAdminEnabled = (strapi: Core.Strapi) =>
  (strapi as unknown as { ai?: { admin?: { isEnabled?: () => boolean } } }).ai?.admin?.isEnabled?.() === true;
const aiLocalizationsEnabled = async (strapi: Core.Strapi) =>
  (await (strapi.plugin('i18n').service('ai-localizations') as { isEnabled: () => Promise<boolean> | boolean }).isEnabled()) === true;

/** The AI routes' handlers this wraps: `admin::ai.getAiFeatureConfig`, `plugin::i18n.ai-localization-jobs.getJobFor{Collection,Single}Type`. */
export const AI_HANDLERS = {
  'admin::ai': ['getAiFeatureConfig'],
  'plugin::i18n.ai-localization-jobs': ['getJobForCollectionType', 'getJobForSingleType'],
} as const;

export const answerAiWhenOff = (strapi: Core.Strapi) => {
  extendController(strapi, 'admin::ai', (controller) => {
    const original = controller.getAiFeatureConfig as Action;
    controller.getAiFeatureConfig = async function aiOff(this: unknown, ctx: Ctx) {
      if (aiAdminEnabled(strapi)) return original.call(this, ctx);
      // What strapi.ai.admin.getAiFeatureConfig() itself returns when AI is off.
      ctx.body = { data: { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false } };
      return undefined;
    };
    return controller;
  });
  extendController(strapi, 'plugin::i18n.ai-localization-jobs', (controller) => {
    for (const name of AI_HANDLERS['plugin::i18n.ai-localization-jobs']) {
      const original = controller[name] as Action;
      controller[name] = async function noJob(this: unknown, ctx: Ctx) {
        if (await aiLocalizationsEnabled(strapi)) return original.call(this, ctx);
        // No AI, so no job: what the panel reads as "nothing running".
        ctx.body = { data: null };
        return undefined;
      };
    }
    return controller;
  });
};

// Set while the homepage widget's query runs; a document middleware reads it.
const homepageQuery = new AsyncLocalStorage<true>();

type HomepageService = Record<string, unknown> & { queryLastDocuments: (...args: unknown[]) => Promise<unknown> };
type DocumentsWithUse = {
  use: (middleware: (context: { uid: string; action: string }, next: () => Promise<unknown>) => unknown) => unknown;
};

/**
 * The homepage widgets' documents (recently edited, recently published) leave out the types
 * `isInternal` names. Relies on: content-manager service('homepage').queryLastDocuments, which
 * both widgets call through `this`, reading each type with strapi.documents(uid).findMany.
 */
export const keepTypesOffHomepage = (strapi: Core.Strapi, isInternal: (uid: string) => boolean) => {
  const service = strapi.plugin('content-manager').service('homepage') as HomepageService;
  const original = service.queryLastDocuments;
  service.queryLastDocuments = function withoutInternalTypes(this: unknown, ...args: unknown[]) {
    return homepageQuery.run(true, () => original.apply(this, args));
  };
  (strapi.documents as unknown as DocumentsWithUse).use(async (context, next) => {
    if (context.action === 'findMany' && homepageQuery.getStore() && isInternal(context.uid)) return [];
    return next();
  });
};

/** Relies on: `admin::user.findOne` answering `{ data: user }` without `registrationToken`, and admin::user's `registrationToken` attribute. */
export const keepInvitationLinks = (strapi: Core.Strapi) => {
  extendController(strapi, 'admin::user', (controller) => {
    const original = controller.findOne as Action;
    controller.findOne = async function withInvitation(this: unknown, ctx: Ctx) {
      const result = await original.call(this, ctx);
      const answer = (ctx.body ?? result) as { data?: { id?: number; registrationToken?: string } } | undefined;
      const user = answer?.data;
      // The route's policy already asked for admin::users.read; the link lets its holder become this user.
      if (!user?.id || !ctx.state.userAbility?.can('admin::users.create')) return result;
      const row = (await strapi.db.query('admin::user').findOne({ where: { id: user.id }, select: ['registrationToken'] })) as {
        registrationToken?: string | null;
      } | null;
      if (row?.registrationToken) user.registrationToken = row.registrationToken;
      return result;
    };
    return controller;
  });
};
