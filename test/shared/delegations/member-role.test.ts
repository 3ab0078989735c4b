import { describe, expect, it } from 'vitest';
import { memberRoleOf } from '../../../shared/delegations/delegation-roles.js';
import { compareProtocolOrder } from '../../../shared/delegations/protocol-order.js';

describe('memberRoleOf: one list, the role derived on read', () => {
  it('makes every invitee a member unless they or the organiser chose another role', () => {
    expect(memberRoleOf({})).toBe('member');
    expect(memberRoleOf({ details: { delegationRole: 'Phiên dịch' } })).toBe('interpreter');
    expect(memberRoleOf({ details: { delegationRole: 'Interpreter' } })).toBe('interpreter');
    expect(memberRoleOf({ delegationRole: 'driver' })).toBe('driver');
    // The answer form's choice is the person's latest word; an unknown value falls back.
    expect(memberRoleOf({ delegationRole: 'driver', details: { delegationRole: 'Thư ký' } })).toBe('secretary');
    expect(memberRoleOf({ delegationRole: 'deputy', details: { delegationRole: 'Khác' } })).toBe('deputy');
  });

  it('keeps the head the head, whatever the form says', () => {
    expect(memberRoleOf({ delegationRole: 'head', details: { delegationRole: 'Thành viên' } })).toBe('head');
  });
});

describe('compareProtocolOrder', () => {
  it('orders by rank, then by role, then by Vietnamese given name; the unranked come last', () => {
    const people = [
      { name: 'Trần Văn Bảo', role: 'member' },
      { name: 'Nguyễn Thị An', role: 'member', protocolRank: 3 },
      { name: 'Lê Văn Cường', role: 'driver', protocolRank: 3 },
      { name: 'Phạm Thị Dung', role: 'deputy', protocolRank: 3 },
      { name: 'Y Ngông Niê Kdăm', role: 'head' },
      { name: "H'Linh Niê", role: 'member' },
      { name: 'Đinh Văn Ánh', role: 'interpreter', protocolRank: 1 },
    ];
    expect([...people].sort(compareProtocolOrder).map((p) => p.name)).toEqual([
      'Đinh Văn Ánh',
      'Phạm Thị Dung',
      'Nguyễn Thị An',
      'Lê Văn Cường',
      'Y Ngông Niê Kdăm',
      'Trần Văn Bảo',
      "H'Linh Niê",
    ]);
  });
});
