// Rebuild targets and the delivery log: admin-only types (src/utils/type-settings.ts reads them).
import type { TypeSettings } from '../../utils/type-settings';

const settings: TypeSettings[] = [
  {
    uid: 'api::rebuild.rebuild-target',
    labels: { zh: '重建目标', en: 'Rebuild target' },
    admin: {
      mainField: 'name',
      fields: {
        name: { label: '名称', description: '如“门户网站”（Name）' },
        url: { label: '构建钩子地址', description: '静态站点的 build hook URL（Build hook URL）' },
        secret: {
          label: '签名密钥',
          description: 'Standard Webhooks 密钥，形如 whsec_ 加 Base64；保存后只显示掩码，不改则保留原值，输入新值即替换（Signing secret）',
        },
        headers: { label: '附加请求头', description: 'JSON 对象，如 {"Authorization": "Bearer …"}（Extra headers）' },
        enabled: { label: '启用', description: '（Enabled）' },
      },
      list: ['name', 'enabled', 'updatedAt'],
    },
  },
  {
    uid: 'api::rebuild.rebuild-delivery',
    admin: {
      mainField: 'deliveryId',
      readOnly: true,
      defaultSortBy: 'createdAt',
      defaultSortOrder: 'DESC',
      fields: {
        deliveryId: { label: '投递编号', description: 'webhook-id（Delivery id）' },
        targetName: { label: '目标', description: '（Target）' },
        targetKey: { label: '目标标识', description: '（Target key）' },
        state: { label: '状态', description: 'pending 等待 / delivering 发送中 / succeeded 成功 / failed 失败（State）' },
        attempts: { label: '尝试次数', description: '（Attempts）' },
        lastStatusCode: { label: '响应码', description: '（Last response code）' },
        lastError: { label: '错误', description: '（Last error）' },
        changeCount: { label: '变更数', description: '（Changes）' },
        changes: { label: '变更内容', description: '（Changes carried）' },
        nextAttemptAt: { label: '下次尝试', description: '（Next attempt）' },
        deliveredAt: { label: '送达时间', description: '（Delivered at）' },
        windowStart: { label: '变更起始', description: '这次投递汇总的第一个变更的时间（Window start）' },
        windowEnd: { label: '变更截止', description: '这次投递汇总的最后一个变更的时间（Window end）' },
        leaseUntil: { label: '占用至', description: '正在发送它的实例占用到此时间，过后其他实例可以接手（Lease until）' },
        payload: { label: '发送内容', description: '签名后发送给目标的 JSON（Payload）' },
      },
      list: ['createdAt', 'targetName', 'state', 'attempts', 'lastStatusCode', 'changeCount'],
    },
  },
];

export default settings;
