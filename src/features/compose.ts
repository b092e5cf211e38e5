// How src/index.ts puts the features into Strapi: their services, controllers,
// middlewares and policies go into Strapi's registries (as a plugin's would), their
// document rules into the document service in one order, their lifecycles run in the
// features' order.
import type { Core } from '@strapi/strapi';
import type { Feature } from '../utils/feature';
import { FEATURES } from '.';
import { registerDocumentRules } from './document-rules';
import { addAdminActions, addAdminRoutes, addToRegistry } from '../strapi-internals/registries';

export const registerFeatures = async (strapi: Core.Strapi, features: readonly Feature[] = FEATURES) => {
  for (const feature of features) {
    addToRegistry(strapi, 'services', feature.services);
    addToRegistry(strapi, 'controllers', feature.controllers);
    addToRegistry(strapi, 'middlewares', feature.middlewares, 'global::');
    addToRegistry(strapi, 'policies', feature.policies, 'global::');
  }
  registerDocumentRules(strapi);
  for (const feature of features) {
    if (feature.adminRoutes?.length) addAdminRoutes(strapi, feature.adminRoutes);
    await feature.register?.(strapi);
  }
  // Before the admin's bootstrap gives Super Admins every registered action.
  const actions = features.flatMap((feature) => feature.adminActions ?? []);
  if (actions.length) await addAdminActions(strapi, actions);
};

export const bootstrapFeatures = async (strapi: Core.Strapi, features: readonly Feature[] = FEATURES) => {
  for (const feature of features) await feature.bootstrap?.(strapi);
};

export const startFeatures = async (strapi: Core.Strapi, features: readonly Feature[] = FEATURES) => {
  for (const feature of features) await feature.start?.(strapi);
};

export const destroyFeatures = async (strapi: Core.Strapi, features: readonly Feature[] = FEATURES) => {
  for (const feature of [...features].reverse()) await feature.destroy?.(strapi);
};
