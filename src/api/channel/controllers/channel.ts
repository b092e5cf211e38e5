import { factories } from '@strapi/strapi';

const DEFAULT_POPULATE = {
  parent: { fields: ['name', 'slug'] },
};

export default factories.createCoreController('api::channel.channel', ({ strapi }) => ({
  async find(ctx) {
    ctx.query = { populate: DEFAULT_POPULATE, ...ctx.query };
    const response = await super.find(ctx);
    await strapi.service('api::channel.channel').addBreadcrumbs(response.data, (entry: { documentId: string }) => entry.documentId);
    return response;
  },

  async findOne(ctx) {
    ctx.query = { populate: DEFAULT_POPULATE, ...ctx.query };
    const response = await super.findOne(ctx);
    if (response?.data) {
      await strapi.service('api::channel.channel').addBreadcrumbs([response.data], (entry: { documentId: string }) => entry.documentId);
    }
    return response;
  },
}));
