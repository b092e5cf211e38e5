// What src/strapi-internals relies on in Strapi, asserted on the real app (#28): a Strapi
// upgrade that renames a route handler, a service method, a private file or a metadata
// field fails here by name, before a feature silently stops guarding anything.
// docs/upgrading-strapi.md lists each reach with the test below that guards it.
import path from 'path';
import { errors } from '@strapi/utils';
import { adminToken } from '../helpers/admin';
import { api } from '../helpers/http';
import { startApp, stopApp, usingPostgres, type App } from '../helpers/strapi';
import {
  contentManagerAdminRoutes,
  contentManagerRoutes,
  contentManagerUidService,
  extendController,
  pluginRoutes,
} from '../../src/strapi-internals/content-manager';
import { uploadRoutes } from '../../src/strapi-internals/upload';
import { USERS_PERMISSIONS_SANITIZERS, usersPermissionsOutputSanitizer } from '../../src/strapi-internals/users-permissions';
import { fieldFor, modelMetadata, rawConnectionPool, transactionKnex } from '../../src/strapi-internals/database';
import { localesService, middlewareFactory, sessionManager } from '../../src/strapi-internals/plugin-services';
import { graphqlExtension, graphqlTypeName } from '../../src/strapi-internals/graphql';
import { componentSchema, contentTypeSchemas, modelSchema } from '../../src/strapi-internals/schemas';
import { adminActionDefinition } from '../../src/strapi-internals/registries';
import { untypedDocuments } from '../../src/strapi-internals/documents';
import { forbiddenWithMessage } from '../../src/strapi-internals/errors';
import { AI_HANDLERS } from '../../src/strapi-internals/admin-answers';
import { DRAFT_HANDLERS } from '../../src/features/editing/no-draft-actions';
import { ACTIONS_WITH_TRANSACTION } from '../../src/features/editing/retry-conflicts';

type Methods = Record<string, unknown>;
const expectMethods = (target: unknown, names: readonly string[]) => {
  for (const name of names) expect([name, typeof (target as Methods)?.[name]]).toEqual([name, 'function']);
};
const handlers = (routes: Array<{ handler?: unknown }>) => new Set(routes.map((route) => route.handler));
const middlewaresOf = (route: { config?: { middlewares?: unknown[] } } | undefined) => route?.config?.middlewares ?? [];

let app: App;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await stopApp(app);
});

describe('content manager (content-manager.ts)', () => {
  it('has every route handler the editing and preview guards patch, with the guards added', () => {
    const routes = contentManagerRoutes(app);
    const names = handlers(routes);
    for (const handler of [...DRAFT_HANDLERS, 'collection-types.bulkPublish', 'preview.getPreviewUrl']) {
      expect([handler, names.has(handler)]).toEqual([handler, true]);
      // The features' middlewares sit on the objects Strapi mounts.
      expect(routes.filter((route) => route.handler === handler).every((route) => middlewaresOf(route).length > 0)).toBe(true);
    }
  });

  it("has the admin router's routes the article quotes admin patches", () => {
    const admin = contentManagerAdminRoutes(app);
    for (const routePath of ['/relations/:model/:targetField', '/collection-types/:model/:id/actions/countDraftRelations']) {
      const route = admin.find((candidate) => candidate.method === 'GET' && candidate.path === routePath);
      expect([routePath, middlewaresOf(route).length > 0]).toEqual([routePath, true]);
    }
  });

  it('wraps the collection-types actions that begin their own transaction through the controllers registry', () => {
    expect(typeof extendController).toBe('function');
    expectMethods(app.get('controllers'), ['extend', 'get']);
    const controller = app.controller('plugin::content-manager.collection-types');
    expectMethods(controller, ACTIONS_WITH_TRANSACTION);
    // retry-conflicts' wrapper is the action Strapi calls.
    expect((controller as unknown as Record<string, { name: string }>).publish.name).toBe('retrying');
  });

  it("has the configuration, UID and permission-checker services' methods", () => {
    for (const name of ['content-types', 'components']) {
      expectMethods(app.plugin('content-manager').service(name), ['findConfiguration', 'updateConfiguration']);
    }
    expectMethods(contentManagerUidService(app), ['generateUIDField']);
    expectMethods(app.plugin('content-manager').service('permission-checker'), ['create']);
  });
});

describe('upload plugin (upload.ts)', () => {
  it('has the two admin routes the media feature guards, guarded', () => {
    const routes = uploadRoutes(app);
    for (const handler of ['admin-upload.uploadFromUrls', 'admin-upload.bulkUpdateFileInfo']) {
      const route = routes.find((candidate) => candidate.handler === handler);
      expect([handler, middlewaresOf(route).length > 0]).toEqual([handler, true]);
    }
    expect(pluginRoutes(app, 'upload')).toEqual(routes);
  });

  it('has the service methods the media feature wraps or calls', () => {
    const upload = app.plugin('upload');
    expectMethods(app.get('services'), ['extend']);
    expectMethods(upload.service('upload'), ['upload', 'replace', 'updateFileInfo', 'remove']);
    expectMethods(upload.service('file'), ['getFolderPath', 'deleteByIds']);
    expectMethods(upload.service('folder'), ['deleteByIds']);
    expectMethods(upload.service('image-manipulation'), ['generateFileName']);
    expectMethods(upload.service('provider'), ['upload']);
    expectMethods(upload.provider, ['delete']);
  });
});

describe('users-permissions (users-permissions.ts)', () => {
  it('reaches the private sanitizers file, whose output sanitizer is the one registered', () => {
    const file = path.join(path.dirname(require.resolve('@strapi/plugin-users-permissions/strapi-server')), USERS_PERMISSIONS_SANITIZERS);
    expect(require.resolve(file)).toBe(file);
    const sanitizer = usersPermissionsOutputSanitizer();
    expect(typeof sanitizer).toBe('function');
    // The article controller takes its fast read only while this is the only output sanitizer.
    expect((app.sanitizers.get('content-api.output') as unknown[]).map((registered) => registered === sanitizer)).toEqual([true]);
  });

  it("has the permission service's findPublicPermissions (memoized in place)", async () => {
    const service = app.plugin('users-permissions').service('permission');
    expectMethods(service, ['findPublicPermissions']);
    const permissions = (await service.findPublicPermissions()) as Array<{ action: string }>;
    expect(permissions.every((permission) => typeof permission.action === 'string')).toBe(true);
  });
});

describe('database (database.ts)', () => {
  it('gives model metadata with table, column and join-table names', () => {
    const article = modelMetadata(app, 'api::article.article');
    expect(article.tableName).toBe('articles');
    expect(article.attributes.title.type).toBe('string');
    const channel = article.attributes.channel.joinTable!;
    expect(typeof channel.name).toBe('string');
    expect(channel.joinColumn).toEqual(expect.objectContaining({ name: expect.any(String), referencedColumn: expect.any(String) }));
    expect(channel.inverseJoinColumn).toEqual(expect.objectContaining({ name: expect.any(String) }));
    // Files link to entries through a morph join table with a `field` column (guard-published-files).
    const related = modelMetadata(app, 'plugin::upload.file').attributes.related.joinTable!;
    expect(related.morphColumn).toEqual({
      idColumn: expect.objectContaining({ name: expect.any(String) }),
      typeColumn: expect.objectContaining({ name: expect.any(String) }),
    });
    expect(modelMetadata(app, related.name).attributes.field).toBeDefined();
  });

  it('has the field classes of @strapi/database/dist/fields, converting as the document service does', () => {
    expect(fieldFor({ type: 'boolean' }).fromDB(1)).toBe(true);
    expect(fieldFor({ type: 'integer' }).fromDB('7')).toBe(7);
    expect(fieldFor({ type: 'json' }).fromDB('{"a":1}')).toEqual({ a: 1 });
    // A datetime reads back as ISO text (the driver's Date, or SQLite's milliseconds).
    expect(fieldFor({ type: 'datetime' }).fromDB(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(fieldFor({ type: 'datetime' }).fromDB(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02T03:04:05.000Z');
  });

  it("hands out knex's raw driver connections and a knex per transaction", async () => {
    const pool = rawConnectionPool<Methods>(app);
    const connection = await pool.acquireConnection();
    try {
      expectMethods(connection, [usingPostgres() ? 'query' : 'prepare']);
    } finally {
      await pool.releaseConnection(connection);
    }
    const one = await app.db.transaction(async ({ trx }) => transactionKnex(trx).raw('select 1 as one'));
    expect(one).toBeTruthy();
  });

  it('has what serial-startup, sqlite-immediate and settle-pool patch or read', () => {
    const db = app.db as unknown as { schema: Methods; connection: { client: { pool: Methods; transaction: unknown } } };
    expectMethods(db.schema, ['sync']);
    expect(['sqlite', 'postgres']).toContain(app.db.dialect.client);
    expectMethods(db.connection.client.pool, ['numUsed', 'numPendingAcquires', 'numPendingCreates']);
    expect(typeof db.connection.client.transaction).toBe('function');
    const SqliteTransaction = require('knex/lib/dialects/sqlite3/execution/sqlite-transaction');
    expect(typeof SqliteTransaction.prototype.begin).toBe('function');
    expect(typeof SqliteTransaction.prototype.query).toBe('function');
  });
});

describe('schemas and documents (schemas.ts, documents.ts)', () => {
  it('holds schemas by uid, with attributes', () => {
    const schemas = contentTypeSchemas(app);
    expect(schemas['api::article.article'].attributes.channel).toEqual(
      expect.objectContaining({ type: 'relation', target: 'api::channel.channel' })
    );
    const component = Object.keys(app.components)[0];
    expect(componentSchema(app, component)?.attributes).toBeDefined();
    expect(componentSchema(app, 'no.such-component')).toBeUndefined();
    expect(modelSchema(app, component)?.attributes).toBeDefined();
    expect(modelSchema(app, 'api::article.article')?.attributes.title).toBeDefined();
  });

  it('has every document action lock-document runs again by name', () => {
    expectMethods(app.documents('api::article.article'), ['update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone', 'create']);
    expectMethods(untypedDocuments(app, 'api::channel.channel'), ['findFirst', 'findMany', 'create', 'update', 'delete', 'publish']);
  });
});

describe("Strapi's own plugins and admin (plugin-services.ts, graphql.ts, registries.ts)", () => {
  it("has i18n's locales service", async () => {
    expectMethods(localesService(app), ['getDefaultLocale', 'findByCode', 'find', 'create', 'setDefaultLocale']);
    expect(typeof (await localesService(app).getDefaultLocale())).toBe('string');
  });

  it("has the admin's permission engine, action provider, role and content-type services, and sessions", async () => {
    const permission = app.service('admin::permission') as unknown as { engine: Methods; actionProvider: Methods };
    expectMethods(permission.engine, ['generateUserAbility']);
    expectMethods(permission.actionProvider, ['get', 'registerMany']);
    expectMethods(app.service('admin::role'), ['findOne', 'create', 'assignPermissions', 'getSuperAdmin']);
    expectMethods(app.service('admin::content-type'), ['getPermissionsWithNestedFields']);
    const sessions = sessionManager(app);
    expect(typeof sessions).toBe('function');
    expect(await sessions!('admin').isSessionActive('no-such-session')).toBe(false);
  });

  it('makes strapi::cors as Strapi does: (config, { strapi }) gives a middleware', () => {
    const cors = middlewareFactory(app, 'strapi::cors')({}, { strapi: app });
    expect(typeof cors).toBe('function');
  });

  it('has the GraphQL extension service and its naming', () => {
    expectMethods(graphqlExtension(app), ['shadowCRUD', 'use']);
    expect(graphqlTypeName(app, app.contentType('api::article.article'))).toBe('Article');
  });

  it('has the registries the features are added to', () => {
    for (const name of ['services', 'controllers', 'middlewares', 'policies']) expectMethods(app.get(name), ['add']);
    expectMethods(app.server, ['routes']);
    // What the composer put there is what Strapi answers with: a service, a declared admin route's controller.
    expect(app.service('api::review.review')).toBeDefined();
    expect(typeof (app.controller('api::review.review-admin') as unknown as Methods).state).toBe('function');
    expect(adminActionDefinition(app, 'plugin::content-manager.explorer.update')).toEqual(
      expect.objectContaining({ actionId: 'plugin::content-manager.explorer.update' })
    );
    expectMethods(app.eventHub, ['on']);
  });
});

describe('PolicyError (errors.ts)', () => {
  it('is a ForbiddenError whose message reaches the caller through the route authorization', async () => {
    expect(forbiddenWithMessage('x')).toBeInstanceOf(errors.ForbiddenError);
    const token = await adminToken(app, 'internals@example.com');
    const res = await api(app)
      .post('/upload/actions/upload-from-urls')
      .set('Authorization', `Bearer ${token}`)
      .send({ urls: ['http://127.0.0.1/x.png'] });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
    expect(res.body.error.message).toContain('未开启从网址导入');
  });
});

describe('the admin panel answers (admin-answers.ts)', () => {
  it("wraps the AI routes' handlers, which Strapi answers 404 with AI off", () => {
    for (const [uid, names] of Object.entries(AI_HANDLERS)) {
      const controller = app.controller(uid as never) as unknown as Record<string, { name: string }>;
      for (const name of names) expect([uid, name, controller?.[name]?.name]).toEqual([uid, name, uid === 'admin::ai' ? 'aiOff' : 'noJob']);
    }
    expect(typeof (app as unknown as { ai: { admin: { isEnabled: unknown } } }).ai.admin.isEnabled).toBe('function');
    expectMethods(app.plugin('i18n').service('ai-localizations'), ['isEnabled']);
  });

  it("wraps the homepage service's queryLastDocuments, which both widgets call through `this`", () => {
    const homepage = app.plugin('content-manager').service('homepage') as unknown as Record<string, { name: string }>;
    expectMethods(homepage, ['queryLastDocuments', 'getRecentlyUpdatedDocuments', 'getRecentlyPublishedDocuments']);
    expect(homepage.queryLastDocuments.name).toBe('withoutInternalTypes');
    expect(String(homepage.getRecentlyUpdatedDocuments)).toContain('this.queryLastDocuments');
  });

  it('wraps admin::user.findOne, and admin users keep a registrationToken attribute', () => {
    expect((app.controller('admin::user' as never) as unknown as Record<string, { name: string }>).findOne.name).toBe('withInvitation');
    expect((app.contentType('admin::user' as never) as { attributes: object }).attributes).toHaveProperty('registrationToken');
  });
});
