import { factories } from '@strapi/strapi';

/** What a front end needs to render an article page, unless it asks for something else. */
export const DEFAULT_POPULATE = {
  channel: { fields: ['name', 'slug'] },
  cover: true,
  attachments: true,
  quotes: {
    sort: ['order:asc', 'id:asc'],
    populate: { commendedIndividual: { fields: ['name'] } },
  },
  commendedUnits: { fields: ['name', 'city', 'district'] },
  commendedIndividuals: { fields: ['name', 'organization', 'position', 'city'] },
};

type WithChannel = { channel?: { documentId?: string } | null };

export default factories.createCoreController('api::article.article', ({ strapi }) => ({
  async find(ctx) {
    ctx.query = { populate: DEFAULT_POPULATE, ...ctx.query };
    const response = await super.find(ctx);
    await strapi
      .service('api::channel.channel')
      .addBreadcrumbs(response.data, (entry: WithChannel) => entry.channel?.documentId);
    return response;
  },

  async findOne(ctx) {
    ctx.query = { populate: DEFAULT_POPULATE, ...ctx.query };
    const response = await super.findOne(ctx);
    if (response?.data) {
      await strapi
        .service('api::channel.channel')
        .addBreadcrumbs([response.data], (entry: WithChannel) => entry.channel?.documentId);
    }
    return response;
  },
}));
