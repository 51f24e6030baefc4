import fc from 'fast-check';
import { ROLES } from '@comptoir/platform/kernel';
import { ALL_SCOPES, hasScope, MODULES, ROLE_SCOPES } from './scopes';

describe('hasScope', () => {
  const moduleArb = fc.constantFrom(...MODULES);

  it('grants everything to `*`', () => {
    fc.assert(fc.property(fc.constantFrom(...ALL_SCOPES), (required) => expect(hasScope(['*'], required)).toBe(true)));
  });

  it('grants the exact scope, and read through write', () => {
    fc.assert(
      fc.property(moduleArb, (m) => {
        expect(hasScope([`${m}:read`], `${m}:read`)).toBe(true);
        expect(hasScope([`${m}:write`], `${m}:write`)).toBe(true);
        expect(hasScope([`${m}:write`], `${m}:read`)).toBe(true);
      }),
    );
  });

  it('never grants write through read, nor one module through another', () => {
    fc.assert(
      fc.property(moduleArb, moduleArb, fc.constantFrom('read', 'write'), fc.constantFrom('read', 'write'), (granted, required, a, b) => {
        fc.pre(granted !== required);
        expect(hasScope([`${granted}:${a}`], `${required}:${b}`)).toBe(false);
      }),
    );
    expect(hasScope(['crm:read'], 'crm:write')).toBe(false);
  });

  it('grants nothing from nothing, and nothing for malformed requirements', () => {
    expect(hasScope([], 'crm:read')).toBe(false);
    expect(hasScope(['crm:write'], 'crm')).toBe(false);
    expect(hasScope(['crm:write'], 'crm:admin')).toBe(false);
    expect(hasScope(['crm:write'], '*')).toBe(false);
    expect(hasScope(['crm:write'], ':read')).toBe(false);
  });
});

describe('ROLE_SCOPES (the role × scope table of docs/security.md)', () => {
  it('defines every role with known scopes only', () => {
    expect(Object.keys(ROLE_SCOPES).sort()).toEqual([...ROLES].sort());
    for (const scopes of Object.values(ROLE_SCOPES)) for (const s of scopes) expect(ALL_SCOPES).toContain(s);
  });

  it.each([
    ['admin', 'org:write', true],
    ['manager', 'org:write', false],
    ['manager', 'billing:write', true],
    ['sales', 'org:write', false],
    ['sales', 'org:read', true],
    ['sales', 'crm:write', true],
    ['sales', 'ledger:read', false],
    ['planner', 'crm:write', false],
    ['planner', 'crm:read', true],
    ['planner', 'planning:write', true],
    ['accountant', 'crm:write', false],
    ['accountant', 'ledger:write', true],
    ['accountant', 'billing:read', true],
  ] as const)('%s has %s: %s', (role, scope, expected) => {
    expect(hasScope(ROLE_SCOPES[role], scope)).toBe(expected);
  });

  it('keeps settings (org:write, so API keys and invitations) to administrators', () => {
    const withOrgWrite = ROLES.filter((role) => hasScope(ROLE_SCOPES[role], 'org:write'));
    expect(withOrgWrite).toEqual(['admin']);
  });
});
