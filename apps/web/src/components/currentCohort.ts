const STORAGE_KEY = 'vgbf.cohortId';

/** The cohort staff last worked on, on this device (null when none or storage is disabled). */
export function rememberedCohortId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberCohortId(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Private mode: the URL still carries the cohort.
  }
}

/** The cohort a staff page works on: the URL's, else the remembered one if it still exists, else the newest. */
export function defaultCohortId(fromUrl: string | null, cohorts: ReadonlyArray<{ id: string }> | undefined): string {
  if (fromUrl) return fromUrl;
  const remembered = rememberedCohortId();
  if (remembered && cohorts?.some((c) => c.id === remembered)) return remembered;
  return cohorts?.[0]?.id ?? '';
}
