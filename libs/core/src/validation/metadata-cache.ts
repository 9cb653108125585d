import { type MetadataStorage, getMetadataStorage } from 'class-validator';

type TargetMetadatas = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

const installed = new WeakSet<MetadataStorage>();

/**
 * Remembers class-validator's metadata lookups. Every validate() of an object asks the storage for the
 * class's constraints: it filters the class's list and walks every class that has constraints for its
 * ancestors (an `instanceof` per class of the whole app), then groups them by property — the same
 * answer each time, since constraints come from decorators that run when a class is defined. This
 * keeps the answers per (class, schema, options) and forgets them all whenever a constraint or schema
 * is added (a class defined later), so a lookup is never staler than the storage. Answers are shared:
 * class-validator only reads them. Idempotent; for the process-wide storage by default.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (installed.has(storage)) return;
  installed.add(storage);
  let lookups = new Map<unknown, Map<string, TargetMetadatas>>();
  let answers = new WeakSet<TargetMetadatas>();
  let groups = new WeakMap<TargetMetadatas, Grouped>();
  const forget = () => {
    lookups = new Map();
    answers = new WeakSet();
    groups = new WeakMap();
  };

  const getTargetValidationMetadatas = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groupNames) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groupNames?.join('\u0000') ?? '\u0001'}`;
    let byOptions = lookups.get(target);
    if (!byOptions) {
      byOptions = new Map<string, TargetMetadatas>();
      lookups.set(target, byOptions);
    }
    let found = byOptions.get(key);
    if (!found) {
      found = getTargetValidationMetadatas(target, schema, always, strictGroups, groupNames);
      byOptions.set(key, found);
      answers.add(found);
    }
    return found;
  };
  const groupByPropertyName = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadatas) => {
    let grouped = groups.get(metadatas);
    if (!grouped) {
      grouped = groupByPropertyName(metadatas);
      // Only answers of the lookup above are kept: any other list may still change.
      if (answers.has(metadatas)) groups.set(metadatas, grouped);
    }
    return grouped;
  };
  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add: (arg: never) => void = storage[method].bind(storage);
    const remembering = (arg: never): void => {
      forget();
      add(arg);
    };
    storage[method] = remembering;
  }
}
