import { TEMPLATE_DATABASE, dropDatabase } from './databases';
import { serviceUrls } from './env';

/** Drops this run's template; each test file already dropped its own database. */
export default async function globalTeardown(): Promise<void> {
  await dropDatabase(serviceUrls().databaseUrl, TEMPLATE_DATABASE);
}
