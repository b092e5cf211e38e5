// Tests print warnings and errors only; request logs would drown the results.
import { winston, formats } from '@strapi/logger';

export default {
  transports: [new winston.transports.Console({ level: 'warn', format: formats.prettyPrint() })],
};
