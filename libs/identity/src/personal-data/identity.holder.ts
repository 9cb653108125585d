import { Injectable } from '@nestjs/common';
import { runQuery, typedSql } from '@vgbf/database';
import {
  type HeldTable,
  type PersonalDataExport,
  type PersonalDataHolder,
  PersonalDataHolderOf,
  excluded,
  exported,
} from '@vgbf/personal-data';
import type { EntityManager } from 'typeorm';

/**
 * What the identity module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'users',
    columns: {
      id: exported('identity'),
      email: exported('identity'),
      email_normalized: exported('identity'),
      full_name: exported('identity'),
      roles: exported('identity'),
      language: exported('identity'),
      password_hash: excluded(
        'a one-way hash of the password: it protects the account and says nothing about the person',
      ),
      email_verified_at: exported('identity'),
      created_at: exported('identity'),
      updated_at: exported('identity'),
      deactivated_at: exported('identity'),
    },
  },
  {
    table: 'sessions',
    columns: {
      id: exported('account'),
      user_id: exported('account'),
      token_hash: excluded(
        'a one-way hash of a secret token: it protects the account and says nothing about the person',
      ),
      created_at: exported('account'),
      expires_at: exported('account'),
      revoked_at: exported('account'),
      user_agent: exported('account'),
    },
  },
  {
    table: 'user_tokens',
    columns: {
      id: exported('account'),
      user_id: exported('account'),
      purpose: exported('account'),
      token_hash: excluded(
        'a one-way hash of a secret token: it protects the account and says nothing about the person',
      ),
      created_at: exported('account'),
      expires_at: exported('account'),
      used_at: exported('account'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('identity')
export class IdentityHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    const users = await runQuery(
      manager,
      typedSql
        .selectFrom('users')
        .selectAll()
        .where((eb) => eb('id', '=', userId)),
    );
    result.tables.push({ table: 'users', rows: users });
    const sessions = await runQuery(
      manager,
      typedSql
        .selectFrom('sessions')
        .selectAll()
        .where((eb) => eb('user_id', '=', userId)),
    );
    result.tables.push({ table: 'sessions', rows: sessions });
    const userTokens = await runQuery(
      manager,
      typedSql
        .selectFrom('user_tokens')
        .selectAll()
        .where((eb) => eb('user_id', '=', userId)),
    );
    result.tables.push({ table: 'user_tokens', rows: userTokens });
    return result;
  }
}
