// Every migration, in order, as a class (not a glob) so it loads the same in Jest, dist/ and bundles.
// `npm run migration:generate -- <Name>` writes a new file here; add it to this list.
export const MIGRATIONS: Function[] = [];
