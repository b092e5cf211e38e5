// Links that would break once published: to an article that is only a draft or no
// longer exists, to an uploaded file that was deleted, and attachments whose file is
// gone from the uploads folder.
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { fingerprint } from '../../../lib/inspection/fingerprint';
import { hostsOf, linkTarget } from '../../../lib/inspection/links';
import type { Finding } from '../../../lib/inspection/types';
import type { PublishRule } from '../types';
import { ARTICLE_UID } from '../../../api/article/newsroom';

const ARTICLE = ARTICLE_UID;

const internalHosts = (strapi: Core.Strapi) =>
  hostsOf([strapi.config.get<string>('server.url'), strapi.config.get<string>('feeds.publicSiteUrl')]);

/** A local upload's file on disk (the default provider); other providers are not checked on disk. */
const missingOnDisk = (strapi: Core.Strapi, url: string) => {
  if (!url.startsWith('/uploads/')) return false;
  const file = path.join(strapi.dirs.static.public, url);
  return !file.startsWith(path.join(strapi.dirs.static.public, 'uploads')) || !fs.existsSync(file);
};

const finding = (field: string, node: Array<string | number> | undefined, url: string, message: string): Finding => ({
  id: fingerprint('broken-link', field, url),
  rule: 'broken-link',
  severity: 'block',
  field,
  node,
  match: url,
  message,
});

export const checkLinks: PublishRule = {
  name: 'links',
  check: async (strapi, subject) => {
    const hosts = internalHosts(strapi);
    const targets = subject.links.map((link) => ({ link, target: linkTarget(link.url, hosts) }));
    const slugs = [...new Set(targets.flatMap(({ target }) => (target.kind === 'article' ? [target.slug] : [])))];
    const uploads = [...new Set(targets.flatMap(({ target }) => (target.kind === 'upload' ? [target.path] : [])))];
    const articles = slugs.length
      ? ((await strapi.db
          .query(ARTICLE)
          .findMany({ where: { slug: { $in: slugs } }, select: ['slug', 'documentId', 'publishedAt'] })) as Array<{
          slug: string;
          documentId: string;
          publishedAt: string | null;
        }>)
      : [];
    const files = uploads.length
      ? ((await strapi.db.query('plugin::upload.file').findMany({ where: { url: { $in: uploads } }, select: ['url'] })) as Array<{
          url: string;
        }>)
      : [];
    const findings: Finding[] = [];
    for (const { link, target } of targets) {
      if (target.kind === 'article') {
        const versions = articles.filter((article) => article.slug === target.slug && article.documentId !== subject.documentId);
        if (subject.uid === ARTICLE && versions.length === 0 && articles.some((a) => a.slug === target.slug)) continue; // a link to itself
        if (versions.length === 0) findings.push(finding(link.field, link.node, link.url, `链接指向的稿件不存在或已删除：${link.url}`));
        else if (!versions.some((article) => article.publishedAt))
          findings.push(finding(link.field, link.node, link.url, `链接指向未发布的稿件：${link.url}`));
      } else if (target.kind === 'upload') {
        if (!files.some((file) => file.url === target.path))
          findings.push(finding(link.field, link.node, link.url, `链接指向的文件已删除：${link.url}`));
        else if (missingOnDisk(strapi, target.path))
          findings.push(finding(link.field, link.node, link.url, `链接指向的文件不在上传目录中：${link.url}`));
      }
    }
    for (const file of subject.media) {
      if (missingOnDisk(strapi, file.url))
        findings.push(finding(file.field, undefined, file.url, `附件“${file.name}”的文件已丢失：${file.url}`));
    }
    return findings;
  },
};
