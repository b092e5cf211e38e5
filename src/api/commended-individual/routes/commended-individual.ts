import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::commended-individual.commended-individual');
