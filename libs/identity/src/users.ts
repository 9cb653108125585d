import type { EntityManager } from 'typeorm';
import type { UserView } from './dto/auth.dto';
import { type Language, User } from './entities/user.entity';
import { EmailTakenError } from './identity.errors';
import type { Role } from '@vgbf/core';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    roles: user.roles,
    language: user.language,
    emailVerified: user.emailVerifiedAt !== null,
  };
}

export interface NewUser {
  email: string;
  fullName: string;
  roles: Role[];
  language: Language;
  passwordHash: string | null;
  emailVerifiedAt?: Date | null;
}

/** Inserts a user, or throws EmailTakenError when the email (in any case) is already registered. */
export async function insertUser(manager: EntityManager, input: NewUser): Promise<User> {
  const user = await insertUserUnlessTaken(manager, input);
  if (!user) throw new EmailTakenError();
  return user;
}

/** Inserts a user, or returns null when the email (in any case) is already registered. */
export async function insertUserUnlessTaken(manager: EntityManager, input: NewUser): Promise<User | null> {
  const users = manager.getRepository(User);
  const inserted = await users
    .createQueryBuilder()
    .insert()
    .values({ ...input, email: input.email.trim(), emailNormalized: normalizeEmail(input.email) })
    .orIgnore()
    .returning('id')
    .execute();
  const row = (inserted.raw as Array<{ id: string }>)[0];
  return row ? users.findOneByOrFail({ id: row.id }) : null;
}
