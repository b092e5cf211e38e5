// The 三审 roles, created at start when missing (by their fixed code, never twice): 撰稿
// drafts their own articles and sends them to 初审; 初审 and 复审 read, correct and pass
// or send back; 终审 approves and publishes. Least privilege: nobody but 终审 (and Super
// Admins) may publish. An existing role is left as an administrator set it. Strapi's
// default Author and Editor roles are not touched (in this project they list no locale,
// so they reach no localized content until an administrator ticks the locales).
import type { Core } from '@strapi/strapi';
import { REVIEW_ACTIONS } from '../../lib/review/stages';
import { getLocales } from '../services';
import { LOCKS, withAdvisoryLock } from '../../utils/advisory-lock';
import { reviewedTypes } from '../../utils/type-settings';
import { ACCEPT_ACTION } from '../inspection';
import { ARTICLE_UID } from '../../api/article/newsroom';
import { adminActionDefinition } from '../../strapi-internals/registries';

const ARTICLE = ARTICLE_UID;
const QUOTE = 'api::speaker-quote.speaker-quote';
const CHANNEL = 'api::channel.channel';
const CM = 'plugin::content-manager.explorer';

type Permission = { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };
type ActionDef = { actionId: string; subjects?: string[] } & Record<string, unknown>;

export type RoleSpec = { code: string; name: string; description: string; permissions: (build: Build) => Permission[] };
type Build = (action: 'create' | 'read' | 'update' | 'publish', subjects: string[], options?: { creator?: boolean }) => Permission[];

/** The other types reviewed by themselves (commendations, commended units and individuals). */
const otherReviewed = () => reviewedTypes().filter((uid) => uid !== ARTICLE);

const uploads = (creator: boolean): Permission[] => [
  { action: 'plugin::upload.read', conditions: creator ? ['admin::is-creator'] : [] },
  { action: 'plugin::upload.configure-view' },
  { action: 'plugin::upload.assets.create' },
  { action: 'plugin::upload.assets.update', conditions: creator ? ['admin::is-creator'] : [] },
  { action: 'plugin::upload.assets.download' },
  { action: 'plugin::upload.assets.copy-link' },
];

const reviewer = (code: string, name: string, stage: 'first' | 'second', description: string): RoleSpec => ({
  code,
  name,
  description,
  permissions: (build) => [
    ...build('read', [ARTICLE, QUOTE, ...otherReviewed(), CHANNEL]),
    ...build('update', [ARTICLE, QUOTE, ...otherReviewed()]),
    { action: REVIEW_ACTIONS[stage] },
    ...uploads(false),
  ],
});

export const REVIEW_ROLES: RoleSpec[] = [
  {
    code: 'newsroom-writer',
    name: '撰稿',
    description: '撰写稿件（只能修改自己的稿件）并送初审，不能发布。Writes articles and submits them for review.',
    permissions: (build) => [
      ...build('create', [ARTICLE, QUOTE]),
      ...build('read', [ARTICLE, QUOTE], { creator: true }),
      ...build('update', [ARTICLE, QUOTE], { creator: true }),
      // To pick a channel and the commended names in an article's relation fields.
      ...build('read', [CHANNEL, 'api::commended-unit.commended-unit', 'api::commended-individual.commended-individual']),
      { action: REVIEW_ACTIONS.submit },
      ...uploads(true),
    ],
  },
  reviewer('newsroom-first-review', '初审', 'first', '初审：审读、修改稿件，通过后送复审，或退回撰稿。First review.'),
  reviewer('newsroom-second-review', '复审', 'second', '复审：审读、修改稿件，通过后送终审，或退回撰稿。Second review.'),
  {
    code: 'newsroom-final-review',
    name: '终审',
    description: '终审：批准发布并发布稿件，可确认检查警告。Final review: approves and publishes.',
    permissions: (build) => [
      ...build('read', [ARTICLE, QUOTE, ...otherReviewed(), CHANNEL]),
      ...build('update', [ARTICLE, QUOTE, ...otherReviewed()]),
      ...build('publish', [ARTICLE, QUOTE, ...otherReviewed()]),
      { action: ACCEPT_ACTION },
      { action: REVIEW_ACTIONS.final },
      ...uploads(false),
    ],
  },
];

type RoleService = {
  findOne: (params: object) => Promise<{ id: number } | null>;
  create: (attributes: object) => Promise<{ id: number }>;
  assignPermissions: (roleId: number, permissions: Permission[]) => Promise<unknown>;
};

export const ensureReviewRoles = async (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role') as RoleService;
  const contentTypes = strapi.service('admin::content-type') as {
    getPermissionsWithNestedFields: (actions: ActionDef[]) => Permission[];
  };
  const locales = (await getLocales(strapi).find()).map((locale) => locale.code);
  const build: Build = (action, subjects, { creator = false } = {}) => {
    const definition = adminActionDefinition(strapi, `${CM}.${action}`) as ActionDef;
    return contentTypes.getPermissionsWithNestedFields([{ ...definition, subjects }]).map((permission) => ({
      ...permission,
      properties: { ...permission.properties, locales },
      conditions: creator ? ['admin::is-creator'] : [],
    }));
  };
  return withAdvisoryLock(strapi, LOCKS.reviewRoles, async () => {
    const created: string[] = [];
    for (const spec of REVIEW_ROLES) {
      // By code (a renamed role is still ours) or name (one an administrator made by hand is not doubled).
      if ((await roles.findOne({ code: spec.code })) || (await roles.findOne({ name: spec.name }))) continue;
      const role = await roles.create({ name: spec.name, code: spec.code, description: spec.description });
      await roles.assignPermissions(role.id, spec.permissions(build));
      created.push(spec.name);
    }
    return created;
  });
};
