import type { Schema, Struct } from '@strapi/strapi';

export interface DisclosureMetadata extends Struct.ComponentSchema {
  collectionName: 'components_disclosure_metadata';
  info: {
    description: '\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u76EE\u5F55\u7684\u5143\u6570\u636E\uFF1B\u6709\u6B64\u9879\u7684\u7A3F\u4EF6\u5C5E\u4E8E\u4FE1\u606F\u516C\u5F00\u76EE\u5F55';
    displayName: '\u4FE1\u606F\u516C\u5F00 Disclosure metadata';
  };
  attributes: {
    disclosureMethod: Schema.Attribute.Enumeration<['proactive', 'on_request']> & Schema.Attribute.DefaultTo<'proactive'>;
    documentNumber: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    indexNumber: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    organizationCode: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 18;
      }>;
    publishingOrganization: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    topic: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    validity: Schema.Attribute.Enumeration<['effective', 'expired', 'repealed']> & Schema.Attribute.DefaultTo<'effective'>;
    writtenDate: Schema.Attribute.Date;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'disclosure.metadata': DisclosureMetadata;
    }
  }
}
