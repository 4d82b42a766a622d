import { describe, expect, it } from 'vitest';
import { AuditAction } from '../../functions/contract/audit.js';
import { auditActionWords } from '../../functions/contract/audit-text.js';
import { routes } from '../../functions/routes.js';

describe('the audit log’s actions in words', () => {
  it('every action the server can write is an AuditAction: each state-changing staff or admin route, and the audited read', () => {
    const written = [...routes.filter((r) => (r.auth === 'staff' || r.auth === 'admin') && r.method !== 'GET').map((r) => r.name), 'listVerifications'];
    expect([...written].sort()).toEqual([...AuditAction.options].sort());
  });

  it('every action has its words in Chinese and English', () => {
    for (const action of AuditAction.options) {
      const words = (auditActionWords as Record<string, { 'zh-CN'?: string; en?: string } | undefined>)[action];
      expect(words?.['zh-CN'], action).toMatch(/\p{Script=Han}/u);
      expect(words?.en, action).toMatch(/^[A-Z]/);
    }
  });
});
