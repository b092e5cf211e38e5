import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::commended-unit.commended-unit');
