import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::commended-unit.commended-unit');
