import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::commended-unit.commended-unit');
