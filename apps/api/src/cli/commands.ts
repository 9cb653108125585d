import { InjectDataSource } from '@nestjs/typeorm';
import { LANGUAGES, type Language, User } from '@vgbf/identity';
import { AccountsService } from '@vgbf/identity';
import { Command, CommandRunner, Option } from 'nest-commander';
import type { DataSource } from 'typeorm';
import { DemoSeeder } from './demo/demo-seeder';

/**
 * `cli seed`: demo data for a fresh database (one account per role, an open cohort, a few hundred
 * applications); does nothing on a database with data.
 */
@Command({ name: 'seed', description: 'Seed demo data into an empty database (idempotent)' })
export class SeedCommand extends CommandRunner {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly demo: DemoSeeder,
  ) {
    super();
  }

  async run(): Promise<void> {
    const existing = await this.db.getRepository(User).count();
    if (existing > 0) {
      process.stdout.write(`Database already has ${existing} accounts: seed skipped.\n`);
      return;
    }
    process.stdout.write(`${await this.demo.seed()}\n`);
  }
}

interface CreateAdminOptions {
  email: string;
  name: string;
  password?: string;
  language: Language;
}

/** `cli create-admin --email … --name …`: the first admin of a new installation. */
@Command({
  name: 'create-admin',
  description: 'Create an admin account (password from --password or the VGBF_ADMIN_PASSWORD variable)',
})
export class CreateAdminCommand extends CommandRunner {
  constructor(private readonly accounts: AccountsService) {
    super();
  }

  async run(_args: string[], options: CreateAdminOptions): Promise<void> {
    const password = options.password ?? process.env.VGBF_ADMIN_PASSWORD;
    if (!options.email || !options.name || !password) {
      throw new Error('create-admin needs --email, --name and a password (--password or VGBF_ADMIN_PASSWORD)');
    }
    const user = await this.accounts.createVerifiedUser({
      email: options.email,
      fullName: options.name.normalize('NFC'),
      roles: ['admin'],
      language: options.language,
      password,
    });
    process.stdout.write(`Admin ${user.email} created (id ${user.id}).\n`);
  }

  @Option({ flags: '--email <email>', description: 'the admin’s email', required: true })
  parseEmail(value: string): string {
    return value.trim();
  }

  @Option({ flags: '--name <name>', description: 'full name, e.g. "Nguyễn Văn An"', required: true })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--password <password>', description: 'prefer VGBF_ADMIN_PASSWORD: arguments show in ps' })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--language <vi|en>', description: 'email and UI language', defaultValue: 'vi' })
  parseLanguage(value: string): Language {
    if (!(LANGUAGES as readonly string[]).includes(value))
      throw new Error(`--language must be one of ${LANGUAGES.join(', ')}`);
    return value as Language;
  }
}
