import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // English is always offered; editors work in Chinese first.
    locales: ['zh-Hans'],
  },
  bootstrap(_app: StrapiApp) {},
};
