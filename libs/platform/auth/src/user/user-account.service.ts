import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@comptoir/platform/config';
import {
  BusinessRuleError,
  ConflictError,
  newId,
  NotFoundError,
  Role,
  TenantContext,
  UnauthenticatedError,
} from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantTx } from '@comptoir/platform/database';
import { Mailer } from '@comptoir/platform/notify';
import { systemContextFor } from '@comptoir/platform/queue';
import { InvitationEntity } from '../invitation/invitation.entity';
import { PasswordService } from '../password.service';
import { PrincipalResolver } from '../guard/principal-resolver.service';
import { digestSecret, randomToken } from '../secrets';
import { IssuedSession, SessionService } from '../session/session.service';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';

const MAX_FAILED_LOGINS = 10;
const LOCK_MINUTES = 15;
const INVITATION_DAYS = 7;
const RESET_HOURS = 2;

export interface OrganizationUser {
  id: string;
  email: string;
  name: string;
  role: Role | null;
  createdAt: Date;
}

/** Users, their company roles, invitations and password resets. */
@Injectable()
export class UserAccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly mailer: Mailer,
    private readonly resolver: PrincipalResolver,
    private readonly config: AppConfig,
  ) {}

  /** Creates a user with a role in one company, inside the caller's transaction (signup, invitation). */
  async createUser(manager: EntityManager, input: { organizationId: string; companyId: string; email: string; name: string; password: string; role: Role }): Promise<UserEntity> {
    const email = input.email.toLowerCase();
    const taken = await manager.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
    if (taken.length) throw new ConflictError('email_taken', 'An account already uses this email', [{ path: 'email', message: 'email is already registered' }]);
    const user = manager.create(UserEntity, {
      id: newId(),
      organizationId: input.organizationId,
      email,
      name: input.name,
      passwordHash: await this.passwords.hash(input.password),
    });
    await manager.insert(UserEntity, user);
    await manager.insert(MembershipEntity, { id: newId(), organizationId: input.organizationId, companyId: input.companyId, userId: user.id, role: input.role });
    return user;
  }

  /** Checks a password with a per-account lockout after repeated failures (the route is throttled too). */
  async authenticate(email: string, password: string): Promise<UserEntity> {
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { email: email.toLowerCase() } });
    const refused = new UnauthenticatedError('Wrong email or password');
    if (!user || user.disabledAt) {
      await this.passwords.hash(password); // same cost whether or not the account exists
      throw refused;
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) throw new UnauthenticatedError('Too many failed attempts: try again later');
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      const failed = user.failedLogins + 1;
      const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
      await this.dataSource.manager.update(UserEntity, { id: user.id }, { failedLogins: lockedUntil ? 0 : failed, lockedUntil });
      throw refused;
    }
    if (user.failedLogins || user.lockedUntil) await this.dataSource.manager.update(UserEntity, { id: user.id }, { failedLogins: 0, lockedUntil: null });
    return user;
  }

  login(user: UserEntity): Promise<IssuedSession> {
    return this.sessions.issue(user.id, user.organizationId);
  }

  async getUser(id: string): Promise<UserEntity> {
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { id } });
    if (!user) throw new NotFoundError('User');
    return user;
  }

  async listUsers(ctx: TenantContext): Promise<OrganizationUser[]> {
    const rows: { id: string; email: string; name: string; role: Role | null; created_at: Date }[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, m.role, u.created_at FROM users u
       LEFT JOIN memberships m ON m.user_id = u.id AND m.company_id = $2
       WHERE u.organization_id = $1 AND u.disabled_at IS NULL ORDER BY u.name, u.id`,
      [ctx.organizationId, ctx.companyId],
    );
    return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, createdAt: r.created_at }));
  }

  /** Gives a user of the organisation a role in the current company (or changes it). */
  async setRole(ctx: TenantContext, userId: string, role: Role): Promise<OrganizationUser> {
    await this.db.transaction(ctx, async (tx) => {
      const user = await tx.manager.findOne(UserEntity, { where: { id: userId, organizationId: ctx.organizationId } });
      if (!user) throw new NotFoundError('User');
      const existing = await tx.manager.findOne(MembershipEntity, { where: { userId, companyId: ctx.companyId } });
      if (existing?.role === 'admin' && role !== 'admin') await this.assertAnotherAdmin(tx, userId);
      if (existing) await tx.manager.update(MembershipEntity, { id: existing.id }, { role });
      else await tx.manager.insert(MembershipEntity, { id: newId(), organizationId: ctx.organizationId, companyId: ctx.companyId, userId, role });
      tx.audit({ entity: 'user', entityId: userId, action: 'update', changes: diffFields({ role: existing?.role ?? null }, { role }, ['role']) });
    });
    this.resolver.invalidate();
    return (await this.listUsers(ctx)).find((u) => u.id === userId)!;
  }

  async removeFromCompany(ctx: TenantContext, userId: string): Promise<void> {
    await this.db.transaction(ctx, async (tx) => {
      const existing = await tx.manager.findOne(MembershipEntity, { where: { userId, companyId: ctx.companyId, organizationId: ctx.organizationId } });
      if (!existing) throw new NotFoundError('User');
      if (existing.role === 'admin') await this.assertAnotherAdmin(tx, userId);
      await tx.manager.delete(MembershipEntity, { id: existing.id });
      tx.audit({ entity: 'user', entityId: userId, action: 'update', changes: { role: { from: existing.role, to: null } } });
    });
    this.resolver.invalidate();
  }

  private async assertAnotherAdmin(tx: TenantTx, userId: string): Promise<void> {
    const [row] = await tx.manager.query(`SELECT count(*)::int AS n FROM memberships WHERE company_id = $1 AND role = 'admin' AND user_id <> $2`, [tx.ctx.companyId, userId]);
    if (!row || row.n === 0) throw new BusinessRuleError('last_admin', 'A company keeps at least one administrator');
  }

  async invite(ctx: TenantContext, input: { email: string; role: Role }): Promise<InvitationEntity> {
    const email = input.email.toLowerCase();
    return this.db.transaction(ctx, async (tx) => {
      const existing = await tx.manager.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
      if (existing.length) throw new ConflictError('email_taken', 'This person already has an account', [{ path: 'email', message: 'email is already registered' }]);
      const token = randomToken();
      const invitation = tx.manager.create(InvitationEntity, {
        id: newId(),
        organizationId: ctx.organizationId,
        kind: 'invitation',
        email,
        companyId: ctx.companyId,
        role: input.role,
        tokenDigest: digestSecret(this.config.authSecret, token),
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
        createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
      });
      await tx.manager.insert(InvitationEntity, invitation);
      await this.mailer.enqueue(tx, {
        to: email,
        subject: `${ctx.actor.name} vous invite sur Comptoir`,
        text: `Bonjour,\n\n${ctx.actor.name} vous invite à rejoindre Comptoir.\nCréez votre accès ici (valable ${INVITATION_DAYS} jours) :\n${this.config.publicUrl}/invitation?token=${token}\n`,
      });
      tx.audit({ entity: 'invitation', entityId: invitation.id, action: 'create', changes: { email: { from: null, to: email }, role: { from: null, to: input.role } } });
      return invitation;
    });
  }

  /** Invitations to the current company not yet accepted, revoked or expired. */
  listInvitations(ctx: TenantContext): Promise<InvitationEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(InvitationEntity, 'i')
      .where("i.organizationId = :org AND i.companyId = :company AND i.kind = 'invitation'", { org: ctx.organizationId, company: ctx.companyId })
      .andWhere('i.usedAt IS NULL AND i.expiresAt > now()')
      .orderBy('i.createdAt', 'DESC')
      .getMany();
  }

  /** Revoking ends the link's validity at once; the row stays for the audit trail. */
  async revokeInvitation(ctx: TenantContext, id: string): Promise<void> {
    await this.db.transaction(ctx, async (tx) => {
      const [rows] = await tx.manager.query(
        `UPDATE invitations SET expires_at = now() WHERE id = $1 AND organization_id = $2 AND company_id = $3 AND kind = 'invitation' AND used_at IS NULL AND expires_at > now() RETURNING email`,
        [id, ctx.organizationId, ctx.companyId],
      );
      if (!rows.length) throw new NotFoundError('Invitation');
      tx.audit({ entity: 'invitation', entityId: id, action: 'revoke', changes: { email: { from: rows[0].email, to: rows[0].email } } });
    });
  }

  async acceptInvitation(token: string, input: { name: string; password: string }): Promise<{ user: UserEntity; session: IssuedSession }> {
    const user = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.takeToken(manager, token, 'invitation');
      return this.createUser(manager, {
        organizationId: invitation.organizationId,
        companyId: invitation.companyId!,
        email: invitation.email,
        name: input.name,
        password: input.password,
        role: invitation.role!,
      });
    });
    return { user, session: await this.login(user) };
  }

  /** Always succeeds from the caller's point of view: it never tells whether an email is registered. */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { email: email.toLowerCase() } });
    if (!user || user.disabledAt) return;
    const ctx = systemContextFor({ organizationId: user.organizationId, companyId: null, id: newId() });
    await this.db.transaction(ctx, async (tx) => {
      const token = randomToken();
      await tx.manager.insert(InvitationEntity, {
        id: newId(),
        organizationId: user.organizationId,
        kind: 'password_reset',
        email: user.email,
        userId: user.id,
        tokenDigest: digestSecret(this.config.authSecret, token),
        expiresAt: new Date(Date.now() + RESET_HOURS * 3600_000),
      });
      await this.mailer.enqueue(tx, {
        to: user.email,
        subject: 'Réinitialisation de votre mot de passe Comptoir',
        text: `Bonjour ${user.name},\n\nPour choisir un nouveau mot de passe (lien valable ${RESET_HOURS} heures) :\n${this.config.publicUrl}/reset-password?token=${token}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n`,
      });
    });
  }

  async resetPassword(token: string, password: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const reset = await this.takeToken(manager, token, 'password_reset');
      await manager.update(UserEntity, { id: reset.userId! }, { passwordHash: await this.passwords.hash(password), failedLogins: 0, lockedUntil: null, updatedAt: new Date() });
      await manager.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [reset.userId]);
    });
    this.resolver.invalidate();
  }

  private async takeToken(manager: EntityManager, token: string, kind: InvitationEntity['kind']): Promise<InvitationEntity> {
    const invitation = await manager.findOne(InvitationEntity, { where: { tokenDigest: digestSecret(this.config.authSecret, token), kind }, lock: { mode: 'pessimistic_write' } });
    if (!invitation || invitation.usedAt || invitation.expiresAt < new Date()) {
      throw new BusinessRuleError('token_invalid', 'This link is invalid, used or expired', [{ path: 'token', message: 'token is invalid, used or expired' }]);
    }
    await manager.update(InvitationEntity, { id: invitation.id }, { usedAt: new Date() });
    return invitation;
  }
}
