import { ACCOUNT_STATUSES, CONTACT_ROLES, LIFECYCLE_STAGES, TIERS, type ImportKind } from '@northstar/contracts';

export type FieldType =
  | { kind: 'text'; maxLength: number; required?: boolean }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'money' }
  | { kind: 'number' }
  | { kind: 'currency' }
  | { kind: 'date' }
  | { kind: 'timestamp' }
  | { kind: 'email' }
  | { kind: 'boolean' }
  | { kind: 'tags' }
  | { kind: 'enum'; values: readonly string[]; aliases: Record<string, string> }
  | { kind: 'select'; options: readonly string[] };

/**
 * A column the importer understands. `key` is the contract field (ownerEmail and
 * accountExternalId are resolved to ids later); `header` is what exports write; aliases are
 * matched after normaliseHeader, so "External ID", "externalId" and "external_id" are one.
 */
export type FieldSpec = { key: string; header: string; aliases: readonly string[]; type: FieldType };

/** Lowercase, no spaces, underscores, dashes or dots: how headers and enum values are compared. */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-.]+/g, '');
}

const tierAliases: Record<string, string> = Object.fromEntries(TIERS.map((t) => [t.toLowerCase(), t]));
const stageAliases: Record<string, string> = {
  交接: 'handoff',
  交付: 'onboarding',
  交付期: 'onboarding',
  内部推广: 'rollout',
  内部推广期: 'rollout',
  稳定使用: 'stable',
  稳定使用期: 'stable',
  续费: 'renewal',
  续费期: 'renewal',
  已续费: 'renewed',
  流失: 'churned',
  delivery: 'onboarding',
  stableuse: 'stable',
};
const statusAliases: Record<string, string> = { 活跃: 'active', 流失: 'churned', 已流失: 'churned' };
const roleAliases: Record<string, string> = {
  决策人: 'decision_maker',
  决策者: 'decision_maker',
  高管赞助人: 'executive_sponsor',
  sponsor: 'executive_sponsor',
  支持者: 'champion',
  拥护者: 'champion',
  管理员: 'admin',
  administrator: 'admin',
  最终用户: 'end_user',
  终端用户: 'end_user',
  user: 'end_user',
};

const text = (maxLength: number, required = false): FieldType => ({ kind: 'text', maxLength, required });

export const ACCOUNT_FIELDS: readonly FieldSpec[] = [
  { key: 'externalId', header: 'external_id', aliases: ['External ID', 'CRM ID', '外部ID', '外部编号', '客户编号'], type: text(200) },
  { key: 'id', header: 'id', aliases: ['Northstar ID'], type: { kind: 'text', maxLength: 36 } },
  { key: 'name', header: 'name', aliases: ['Account Name', 'Account', 'Company', 'Company Name', '客户名称', '公司名称'], type: text(200, true) },
  { key: 'domain', header: 'domain', aliases: ['Website', '域名', '网站'], type: text(253) },
  { key: 'industry', header: 'industry', aliases: ['行业'], type: text(100) },
  { key: 'employees', header: 'employees', aliases: ['Employee Count', 'Company Size', 'Size', '员工数', '员工人数'], type: { kind: 'integer', min: 0, max: 10_000_000 } },
  { key: 'region', header: 'region', aliases: ['地区', '区域'], type: text(100) },
  { key: 'plan', header: 'plan', aliases: ['套餐', '版本'], type: text(100) },
  { key: 'arr', header: 'arr', aliases: ['Annual Recurring Revenue', '年度经常性收入'], type: { kind: 'money' } },
  { key: 'currency', header: 'currency', aliases: ['币种', '货币'], type: { kind: 'currency' } },
  { key: 'contractStart', header: 'contract_start', aliases: ['Contract Start Date', '合同开始日期'], type: { kind: 'date' } },
  { key: 'renewalDate', header: 'renewal_date', aliases: ['Renewal', '续费日期', '续约日期'], type: { kind: 'date' } },
  { key: 'licensedSeats', header: 'licensed_seats', aliases: ['Seats', '席位数', '授权席位'], type: { kind: 'integer', min: 0, max: 10_000_000 } },
  { key: 'ownerEmail', header: 'owner_email', aliases: ['Owner', 'CSM', 'CSM Email', '负责人', '负责人邮箱'], type: { kind: 'email' } },
  { key: 'tier', header: 'tier', aliases: ['分层', '客户分层', '等级'], type: { kind: 'enum', values: TIERS, aliases: tierAliases } },
  { key: 'lifecycleStage', header: 'lifecycle_stage', aliases: ['Stage', '生命周期阶段', '阶段'], type: { kind: 'enum', values: LIFECYCLE_STAGES, aliases: stageAliases } },
  { key: 'status', header: 'status', aliases: ['状态'], type: { kind: 'enum', values: ACCOUNT_STATUSES, aliases: statusAliases } },
  { key: 'churnDate', header: 'churn_date', aliases: ['流失日期'], type: { kind: 'date' } },
  { key: 'churnReason', header: 'churn_reason', aliases: ['流失原因'], type: text(500) },
  { key: 'tags', header: 'tags', aliases: ['标签'], type: { kind: 'tags' } },
];

export const CONTACT_FIELDS: readonly FieldSpec[] = [
  { key: 'externalId', header: 'external_id', aliases: ['Contact External ID', 'Contact ID', '外部ID', '联系人外部ID'], type: text(200) },
  { key: 'accountExternalId', header: 'account_external_id', aliases: ['Account External ID', 'Account ID', '客户外部ID'], type: text(200) },
  { key: 'name', header: 'name', aliases: ['Contact Name', 'Full Name', '姓名', '联系人姓名', '联系人'], type: text(200, true) },
  { key: 'email', header: 'email', aliases: ['Email Address', '邮箱', '电子邮件'], type: { kind: 'email' } },
  { key: 'phone', header: 'phone', aliases: ['Phone Number', 'Mobile', '电话', '手机'], type: text(50) },
  { key: 'title', header: 'title', aliases: ['Job Title', '职位'], type: text(200) },
  { key: 'role', header: 'role', aliases: ['Contact Role', '角色'], type: { kind: 'enum', values: CONTACT_ROLES, aliases: roleAliases } },
  { key: 'isKeyPerson', header: 'is_key_person', aliases: ['Key Person', '关键人'], type: { kind: 'boolean' } },
  { key: 'relationshipStrength', header: 'relationship_strength', aliases: ['关系强度'], type: { kind: 'integer', min: 1, max: 5 } },
  { key: 'lastContactedAt', header: 'last_contacted_at', aliases: ['Last Contacted', '最近联系时间'], type: { kind: 'timestamp' } },
  { key: 'leftAt', header: 'left_at', aliases: ['离职日期'], type: { kind: 'date' } },
];

export function fieldsOf(kind: ImportKind): readonly FieldSpec[] {
  return kind === 'accounts' ? ACCOUNT_FIELDS : CONTACT_FIELDS;
}

/** Every spelling of a field (key, export header, aliases), normalised, mapped to its spec. */
export function buildAliasIndex(fields: readonly FieldSpec[]): Map<string, FieldSpec> {
  const index = new Map<string, FieldSpec>();
  for (const field of fields) {
    for (const name of [field.key, field.header, ...field.aliases]) index.set(normaliseHeader(name), field);
  }
  return index;
}
