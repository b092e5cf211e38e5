import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::speaker-quote.speaker-quote');
