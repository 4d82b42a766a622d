// The audit log in people's words, Chinese and English: what each action is called, what each
// field of a before/after is called, and a value as a line of text (never JSON). Pure and free of
// imports beyond the contract, so the desk's page and the server's CSV export say the same.
import type { AuditAction } from './audit.js';

export type AuditLang = 'zh-CN' | 'en';
type Words = Readonly<Record<AuditLang, string>>;

/** Every action, in both languages (a Record: an action without its words does not compile). */
export const auditActionWords: Readonly<Record<AuditAction, Words>> = {
  putDistrict: { 'zh-CN': '保存街道', en: 'Saved sub-district' },
  createProvider: { 'zh-CN': '新建服务点', en: 'Created provider' },
  updateProvider: { 'zh-CN': '修改服务点', en: 'Edited provider' },
  approveProvider: { 'zh-CN': '审批服务点', en: 'Approved provider' },
  suspendProvider: { 'zh-CN': '暂停服务点', en: 'Suspended provider' },
  putOffering: { 'zh-CN': '保存供餐合约', en: 'Saved contract' },
  createStaff: { 'zh-CN': '创建员工账号', en: 'Created staff account' },
  disableStaff: { 'zh-CN': '停用员工账号', en: 'Disabled staff account' },
  rotatePoster: { 'zh-CN': '更换海报', en: 'Rotated poster' },
  redeem: { 'zh-CN': '核销', en: 'Redeemed' },
  staffWalkIn: { 'zh-CN': '现场发放', en: 'Walk-in handout' },
  createPointsAdjustment: { 'zh-CN': '调整积分', en: 'Adjusted points' },
  createPointsReversal: { 'zh-CN': '冲正积分', en: 'Reversed points' },
  putCatalogItem: { 'zh-CN': '保存物资', en: 'Saved catalogue item' },
  adjustCatalogStock: { 'zh-CN': '调整库存', en: 'Adjusted stock' },
  createExchange: { 'zh-CN': '申请兑换', en: 'Ordered an exchange' },
  fulfilExchange: { 'zh-CN': '发放兑换', en: 'Fulfilled exchange' },
  rejectExchange: { 'zh-CN': '拒绝兑换', en: 'Rejected exchange' },
  hideThanks: { 'zh-CN': '隐藏留言', en: 'Hid a note' },
  closeSafetyReport: { 'zh-CN': '关闭食品安全反馈', en: 'Closed a food-safety report' },
  clearIntegrity: { 'zh-CN': '解除诚信冻结', en: 'Cleared an integrity flag' },
  approveVerification: { 'zh-CN': '通过身份审核', en: 'Approved verification' },
  rejectVerification: { 'zh-CN': '拒绝身份审核', en: 'Rejected verification' },
  listVerifications: { 'zh-CN': '查看申请人的个人信息', en: 'Read applications’ personal data' },
  publishLeaderboard: { 'zh-CN': '发布爱心榜', en: 'Published leaderboard' },
  withdrawLeaderboard: { 'zh-CN': '撤回爱心榜', en: 'Withdrew leaderboard' },
  createAdminAccount: { 'zh-CN': '新建管理员账号', en: 'Created an administrator account' },
  updateAdminAccount: { 'zh-CN': '修改管理员账号', en: 'Changed an administrator account' },
  resetAdminPassword: { 'zh-CN': '重置管理员密码', en: 'Reset an administrator’s password' },
  endAccountSessions: { 'zh-CN': '结束管理员的登录', en: 'Ended an administrator’s sessions' },
  changeAdminRole: { 'zh-CN': '申请更改角色', en: 'Asked to change a role' },
  approveApproval: { 'zh-CN': '批准变更', en: 'Approved a change' },
  rejectApproval: { 'zh-CN': '驳回变更', en: 'Rejected a change' },
  changeAdminPassword: { 'zh-CN': '修改自己的密码', en: 'Changed own password' },
  endAdminSessions: { 'zh-CN': '结束自己的登录', en: 'Ended own sessions' },
  enrolTotp: { 'zh-CN': '开始设置两步登录', en: 'Started setting up two-step sign-in' },
  confirmTotp: { 'zh-CN': '开启两步登录', en: 'Turned on two-step sign-in' },
  resetAdminTotp: { 'zh-CN': '关闭他人的两步登录', en: 'Turned off another’s two-step sign-in' },
  reinstateProvider: { 'zh-CN': '恢复服务点营业', en: 'Reinstated provider' },
  revokeVerification: { 'zh-CN': '撤销身份认证', en: 'Revoked verification' },
  revealVerificationPhone: { 'zh-CN': '查看申请人完整手机号', en: 'Revealed an applicant’s phone number' },
  resetStaffPassword: { 'zh-CN': '重置员工密码', en: 'Reset a staff password' },
  enableStaff: { 'zh-CN': '启用员工账号', en: 'Re-enabled staff account' },
};

/** What an entry is about (its target's type). */
const targetWords: Readonly<Record<string, Words>> = {
  provider: { 'zh-CN': '服务点', en: 'Provider' },
  offering: { 'zh-CN': '供餐合约', en: 'Contract' },
  staff: { 'zh-CN': '员工账号', en: 'Staff account' },
  admin: { 'zh-CN': '管理员账号', en: 'Administrator' },
  district: { 'zh-CN': '街道', en: 'Sub-district' },
  booking: { 'zh-CN': '预约', en: 'Booking' },
  slot: { 'zh-CN': '餐位', en: 'Slot' },
  ledger_entry: { 'zh-CN': '积分流水', en: 'Ledger entry' },
  catalog_item: { 'zh-CN': '物资', en: 'Catalogue item' },
  exchange: { 'zh-CN': '兑换', en: 'Exchange' },
  thanks: { 'zh-CN': '留言', en: 'Note' },
  safety_report: { 'zh-CN': '食品安全反馈', en: 'Food-safety report' },
  verification: { 'zh-CN': '身份审核', en: 'Verification' },
  leaderboard: { 'zh-CN': '爱心榜', en: 'Leaderboard' },
  approval: { 'zh-CN': '待批变更', en: 'Approval' },
};

/** The fields entries carry; one not named here shows as its key. */
const fieldWords: Readonly<Record<string, Words>> = {
  id: { 'zh-CN': '编号', en: 'ID' },
  name: { 'zh-CN': '名称', en: 'Name' },
  nameEn: { 'zh-CN': '英文名称', en: 'English name' },
  kind: { 'zh-CN': '类型', en: 'Kind' },
  status: { 'zh-CN': '状态', en: 'Status' },
  district: { 'zh-CN': '街道', en: 'Sub-district' },
  districts: { 'zh-CN': '负责街道', en: 'Sub-districts' },
  address: { 'zh-CN': '地址', en: 'Address' },
  contactPhone: { 'zh-CN': '联系电话', en: 'Contact phone' },
  businessLicence: { 'zh-CN': '营业执照', en: 'Business licence' },
  hygienePermit: { 'zh-CN': '卫生许可证', en: 'Hygiene permit' },
  number: { 'zh-CN': '证号', en: 'Number' },
  expiresOn: { 'zh-CN': '有效期至', en: 'Expires on' },
  location: { 'zh-CN': '位置', en: 'Location' },
  lat: { 'zh-CN': '纬度', en: 'Latitude' },
  lng: { 'zh-CN': '经度', en: 'Longitude' },
  createdAt: { 'zh-CN': '创建时间', en: 'Created at' },
  updatedAt: { 'zh-CN': '修改时间', en: 'Updated at' },
  approvedAt: { 'zh-CN': '审批时间', en: 'Approved at' },
  decidedAt: { 'zh-CN': '处理时间', en: 'Decided at' },
  by: { 'zh-CN': '处理人', en: 'By' },
  approvedBy: { 'zh-CN': '批准人', en: 'Approved by' },
  version: { 'zh-CN': '版本', en: 'Version' },
  dailyQuota: { 'zh-CN': '每日份数', en: 'Daily quota' },
  weekdays: { 'zh-CN': '供餐日', en: 'Weekdays' },
  windows: { 'zh-CN': '取餐时段', en: 'Pickup windows' },
  start: { 'zh-CN': '开始', en: 'Start' },
  end: { 'zh-CN': '结束', en: 'End' },
  standard: { 'zh-CN': '餐标', en: 'Standard' },
  valueFen: { 'zh-CN': '价值', en: 'Value' },
  active: { 'zh-CN': '启用', en: 'Active' },
  providerId: { 'zh-CN': '服务点', en: 'Provider' },
  username: { 'zh-CN': '用户名', en: 'Username' },
  disabled: { 'zh-CN': '已停用', en: 'Disabled' },
  role: { 'zh-CN': '角色', en: 'Role' },
  mustChangePassword: { 'zh-CN': '须改密码', en: 'Must change password' },
  password: { 'zh-CN': '密码', en: 'Password' },
  sessions: { 'zh-CN': '登录', en: 'Sessions' },
  totp: { 'zh-CN': '两步登录', en: 'Two-step sign-in' },
  points: { 'zh-CN': '积分', en: 'Points' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  ref: { 'zh-CN': '关联', en: 'Reference' },
  at: { 'zh-CN': '时间', en: 'Time' },
  availableAt: { 'zh-CN': '可用时间', en: 'Available at' },
  approval: { 'zh-CN': '待批', en: 'Approval' },
  change: { 'zh-CN': '变更', en: 'Change' },
  decidedBy: { 'zh-CN': '批准人', en: 'Decided by' },
  requestedBy: { 'zh-CN': '申请人', en: 'Requested by' },
  unit: { 'zh-CN': '单位', en: 'Unit' },
  stock: { 'zh-CN': '库存', en: 'Stock' },
  delta: { 'zh-CN': '变化', en: 'Change' },
  itemId: { 'zh-CN': '物资', en: 'Item' },
  itemName: { 'zh-CN': '物资名称', en: 'Item name' },
  quantity: { 'zh-CN': '数量', en: 'Quantity' },
  providerName: { 'zh-CN': '服务点名称', en: 'Provider name' },
  hidden: { 'zh-CN': '已隐藏', en: 'Hidden' },
  closed: { 'zh-CN': '处理结果', en: 'Closed' },
  note: { 'zh-CN': '说明', en: 'Note' },
  verifiedUntil: { 'zh-CN': '有效期至', en: 'Verified until' },
  personalData: { 'zh-CN': '个人信息', en: 'Personal data' },
  poster: { 'zh-CN': '海报', en: 'Poster' },
  count: { 'zh-CN': '份数', en: 'Count' },
  offeringId: { 'zh-CN': '供餐合约', en: 'Contract' },
  period: { 'zh-CN': '周期', en: 'Period' },
  key: { 'zh-CN': '期', en: 'Key' },
  entries: { 'zh-CN': '条目数', en: 'Entries' },
  withdrawn: { 'zh-CN': '撤回', en: 'Withdrawn' },
  flags: { 'zh-CN': '信号', en: 'Flags' },
  clearedAt: { 'zh-CN': '解除时间', en: 'Cleared at' },
  clearedBy: { 'zh-CN': '解除人', en: 'Cleared by' },
  flaggedAt: { 'zh-CN': '标记时间', en: 'Flagged at' },
};

/** Codes a value often is (statuses, yes/no), in words. */
const valueWords: Readonly<Record<string, Words>> = {
  PENDING: { 'zh-CN': '待审批', en: 'pending' },
  ACTIVE: { 'zh-CN': '运营中', en: 'active' },
  SUSPENDED: { 'zh-CN': '已暂停', en: 'suspended' },
  APPROVED: { 'zh-CN': '已通过', en: 'approved' },
  REJECTED: { 'zh-CN': '已拒绝', en: 'rejected' },
  FULFILLED: { 'zh-CN': '已发放', en: 'fulfilled' },
  BOOKED: { 'zh-CN': '已预约', en: 'booked' },
  REDEEMED: { 'zh-CN': '已核销', en: 'redeemed' },
  OPEN: { 'zh-CN': '待处理', en: 'open' },
  CLOSED: { 'zh-CN': '已关闭', en: 'closed' },
  FLAGGED: { 'zh-CN': '已标记', en: 'flagged' },
  CLEARED: { 'zh-CN': '已解除', en: 'cleared' },
  true: { 'zh-CN': '是', en: 'yes' },
  false: { 'zh-CN': '否', en: 'no' },
};

const LIST_SEPARATOR: Words = { 'zh-CN': '、', en: ', ' };
const PAIR_SEPARATOR: Words = { 'zh-CN': '；', en: '; ' };
const COLON: Words = { 'zh-CN': '：', en: ': ' };

/** An action in words; an action this table does not know (none should exist) as its name. */
export const auditActionText = (action: string, lang: AuditLang): string => (auditActionWords as Record<string, Words>)[action]?.[lang] ?? action;
export const auditTargetText = (type: string, lang: AuditLang): string => targetWords[type]?.[lang] ?? type;
export const auditFieldText = (field: string, lang: AuditLang): string => fieldWords[field]?.[lang] ?? field;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
/** An instant (as records keep them, UTC) in Beijing time, which has no daylight saving: "2026-11-30 11:40". */
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** A value as a line of text: codes in words, money in yuan, instants in Beijing time, lists and records spelled out. */
export function auditValueText(v: unknown, lang: AuditLang, field = '', depth = 0): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return valueWords[String(v)]![lang];
  if (typeof v === 'number') return field.endsWith('Fen') ? `¥${(v / 100).toFixed(2)}` : String(v);
  if (typeof v === 'string') return INSTANT.test(v) ? beijing(v) : (valueWords[v]?.[lang] ?? v);
  if (depth > 3) return '…';
  if (Array.isArray(v)) return v.map((x) => auditValueText(x, lang, field, depth + 1)).join(LIST_SEPARATOR[lang]);
  // A pickup window reads as its times.
  if (isRecord(v) && typeof v.start === 'string' && typeof v.end === 'string') return `${v.start}–${v.end}`;
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${auditFieldText(k, lang)}${COLON[lang]}${auditValueText(x, lang, k, depth + 1)}`)
    .join(PAIR_SEPARATOR[lang]);
}

export interface FieldChange {
  /** The top-level field (`status`, `hygienePermit`…); '' when a side is not a record. */
  field: string;
  /** The field in words. */
  label: string;
  /** The value in words; undefined when that side has no such field. */
  before?: string;
  after?: string;
  changed: boolean;
}

/**
 * Every field of either side, changed ones first (in the order they appear), then the unchanged.
 * A creation (before null) or deletion (after null) lists the other side's fields, all changed.
 */
export function auditChanges(before: unknown, after: unknown, lang: AuditLang): FieldChange[] {
  const a = before ?? null;
  const b = after ?? null;
  if ((a !== null && !isRecord(a)) || (b !== null && !isRecord(b))) {
    const bt = a === null ? undefined : auditValueText(a, lang);
    const at = b === null ? undefined : auditValueText(b, lang);
    return [{ field: '', label: '', before: bt, after: at, changed: bt !== at }];
  }
  const fields = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
  const rows = fields.map((field): FieldChange => {
    const bt = a && field in a ? auditValueText(a[field], lang, field) : undefined;
    const at = b && field in b ? auditValueText(b[field], lang, field) : undefined;
    // A field absent on one side and empty on the other did not change (a new record's unset fields).
    return { field, label: auditFieldText(field, lang), before: bt, after: at, changed: (bt ?? '—') !== (at ?? '—') };
  });
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

/** The changed fields as lines "字段：前 → 后" (a creation: "字段：后"), for one cell of a CSV. */
export function auditChangeLines(before: unknown, after: unknown, lang: AuditLang): string {
  return auditChanges(before, after, lang)
    .filter((r) => r.changed)
    .map((r) => `${r.label}${r.label ? COLON[lang] : ''}${r.before === undefined ? '' : `${r.before} → `}${r.after ?? '—'}`)
    .join('\n');
}
