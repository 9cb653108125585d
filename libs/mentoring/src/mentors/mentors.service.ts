import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, InputValidationError, NotFoundError } from '@vgbf/core';
import { InvitationsService } from '@vgbf/identity';
import { Transactions } from '@vgbf/database';
import { type Expression, sql, type SqlBool } from 'kysely';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type CreateMentorDto,
  DEFAULT_CAPACITY,
  type MentorListQuery,
  type MentorProfileDto,
  type MentorView,
  NOT_NULL_FIELDS,
  type UpdateMentorDto,
  type UpdateOwnMentorDto,
} from './dto/mentor.dto';
import {
  PROFILE_FIELDS,
  type ProfileValues,
  insertProfile,
  foldedContains,
  mentorViews,
  profileChanges,
  readProfile,
  updateProfile,
} from '../data-access/mentor-profiles';
import { MentorDatesError, MentorExistsError } from './mentors.errors';

/** The values of a new profile: what was given, the defaults for the rest. */
export function newProfile(input: MentorProfileDto): ProfileValues {
  return {
    organisation: input.organisation ?? null,
    title: input.title ?? null,
    sectors: input.sectors ?? [],
    expertise: input.expertise ?? [],
    languages: input.languages,
    city: input.city ?? null,
    timeZone: input.timeZone,
    capacity: input.capacity ?? DEFAULT_CAPACITY,
    availableFrom: input.availableFrom ?? null,
    availableTo: input.availableTo ?? null,
    bio: input.bio ?? null,
    active: true,
  };
}

/**
 * Mentor profiles: staff list, create (invite) and edit them; a mentor edits their own. Each write is
 * one transaction with its audit row.
 */
@Injectable()
export class MentorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async list(query: MentorListQuery): Promise<MentorView[]> {
    const q = query.q?.trim();
    return mentorViews(this.db.manager, (eb) => {
      const where: Array<Expression<SqlBool>> = [];
      if (q) {
        const text = sql<string>`${eb.ref('u.full_name')} || ' ' || ${eb.ref('u.email')} || ' ' || coalesce(${eb.ref('p.organisation')}, '')`;
        where.push(foldedContains(text, q));
      }
      if (query.sector) where.push(eb(eb.val(query.sector), '=', eb.fn.any('p.sectors')));
      if (query.expertise) where.push(eb(eb.val(query.expertise), '=', eb.fn.any('p.expertise')));
      if (query.language) where.push(eb(eb.val(query.language), '=', eb.fn.any('p.languages')));
      if (query.city) where.push(eb(eb.fn('lower', ['p.city']), '=', eb.fn('lower', [eb.val(query.city)])));
      if (query.active !== undefined) where.push(eb('p.active', '=', query.active));
      return eb.and(where);
    });
  }

  async get(userId: string, manager: EntityManager = this.transactions.current()): Promise<MentorView> {
    const [view] = await mentorViews(manager, (eb) => eb('p.user_id', '=', userId));
    if (!view) throw new NotFoundError('Mentor', userId);
    return view;
  }

  /** Invites the mentor (or gives an existing account the mentor role) and writes the profile, together. */
  async create(actor: AuthenticatedUser, input: CreateMentorDto): Promise<MentorView> {
    return this.transactions.run(async (manager) => {
      const userId = await this.createWithin(manager, actor, input, 'api');
      return this.get(userId, manager);
    });
  }

  /** Within the caller's transaction. Returns the mentor's user id. */
  async createWithin(
    manager: EntityManager,
    actor: AuthenticatedUser,
    input: CreateMentorDto,
    source: 'api' | 'import',
  ): Promise<string> {
    const { userId, invited } = await this.ensureAccount(manager, actor, input);
    if (await readProfile(manager, userId, true)) throw new MentorExistsError(userId);
    await this.insertWithin(manager, actor, userId, input, invited, source);
    return userId;
  }

  /** An unknown email is invited (the email goes through the outbox); a known account gets the mentor role. */
  async ensureAccount(
    manager: EntityManager,
    actor: AuthenticatedUser,
    input: Pick<CreateMentorDto, 'email' | 'fullName' | 'language'>,
  ): Promise<{ userId: string; invited: boolean }> {
    const { user, invited } = await this.invitations.ensureInvited(manager, actor, {
      email: input.email,
      fullName: input.fullName,
      roles: ['mentor'],
      language: input.language,
    });
    return { userId: user.id, invited };
  }

  /** Writes a new profile and its audit row, within the caller's transaction. */
  async insertWithin(
    manager: EntityManager,
    actor: AuthenticatedUser,
    userId: string,
    input: MentorProfileDto,
    invited: boolean,
    source: 'api' | 'import',
  ): Promise<void> {
    const values = newProfile(input);
    await insertProfile(manager, userId, values);
    await this.audit.record(manager, actor, {
      action: 'mentor.created',
      entityType: 'mentor',
      entityId: userId,
      after: { ...values, invited, source },
    });
  }

  /** Staff edit any mentor's profile. */
  async update(actor: AuthenticatedUser, userId: string, input: UpdateMentorDto): Promise<MentorView> {
    return this.transactions.run(async (manager) => {
      await this.updateWithin(manager, actor, userId, input, 'api');
      return this.get(userId, manager);
    });
  }

  /** A mentor edits their own profile (the DTO has no `active`: that stays staff's call). */
  async updateOwn(actor: AuthenticatedUser, input: UpdateOwnMentorDto): Promise<MentorView> {
    return this.update(actor, actor.id, input);
  }

  /**
   * Applies the given fields (left out: unchanged; null clears a nullable one), within the caller's
   * transaction. Writes and audits only when something changed; returns whether it did.
   */
  async updateWithin(
    manager: EntityManager,
    actor: AuthenticatedUser,
    userId: string,
    input: UpdateMentorDto,
    source: 'api' | 'import',
  ): Promise<boolean> {
    const nulls = NOT_NULL_FIELDS.filter((field) => (input as Record<string, unknown>)[field] === null);
    if (nulls.length) {
      throw new InputValidationError(
        nulls.map((field) => ({ field, message: `${field} must not be null`, code: 'validation.is_defined' })),
      );
    }
    const before = await readProfile(manager, userId, true);
    if (!before) throw new NotFoundError('Mentor', userId);
    const after: ProfileValues = { ...before };
    for (const field of PROFILE_FIELDS) {
      const value = input[field];
      if (value !== undefined) (after as unknown as Record<string, unknown>)[field] = value;
    }
    if (after.availableFrom && after.availableTo && after.availableTo < after.availableFrom) {
      throw new MentorDatesError();
    }
    const changes = profileChanges(before, after);
    if (Object.keys(changes.after).length === 0) return false;
    await updateProfile(manager, userId, after, this.clock.now());
    await this.audit.record(manager, actor, {
      action: 'mentor.updated',
      entityType: 'mentor',
      entityId: userId,
      before: changes.before,
      after: { ...changes.after, source },
    });
    return true;
  }
}
