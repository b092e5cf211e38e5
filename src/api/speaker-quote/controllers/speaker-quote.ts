import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::speaker-quote.speaker-quote');
