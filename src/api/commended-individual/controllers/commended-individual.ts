import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::commended-individual.commended-individual');
