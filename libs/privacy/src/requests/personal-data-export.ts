import { PassThrough, type Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type HeldTable,
  type PersonalDataExport,
  type PersonalDataHolder,
  PersonalDataHolderOf,
} from '@vgbf/personal-data';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@vgbf/storage';
import archiver from 'archiver';
import type { DataSource } from 'typeorm';

export interface DiscoveredHolder {
  name: string;
  holder: PersonalDataHolder;
}

/** The columns a table's declaration exports. */
const exportedColumns = (table: HeldTable): string[] =>
  Object.entries(table.columns)
    .filter(([, use]) => 'exported' in use)
    .map(([column]) => column);

/** A path inside the ZIP: no leading slash, no '..', no backslash. */
const safeName = (name: string): string =>
  name
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part && part !== '.' && part !== '..')
    .join('/');

/**
 * A person's access export: everything every personal-data holder (discovered with Nest's
 * DiscoveryService: privacy imports no domain lib) holds about them, as one ZIP — `data/<table>.json`
 * with the declared exported columns only, their files under `files/`, and `manifest.json` naming
 * every table, the categories and each excluded column with its reason. The rows are read in one
 * REPEATABLE READ, read-only transaction (one snapshot); the ZIP is streamed as it is written, each
 * file piped from storage, never the whole archive in memory.
 */
@Injectable()
export class PersonalDataExporter implements OnModuleInit {
  private readonly logger = new Logger(PersonalDataExporter.name);
  private found: DiscoveredHolder[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  onModuleInit(): void {
    const seen = new Set<unknown>();
    this.found = [];
    for (const wrapper of this.discovery.getProviders({ metadataKey: PersonalDataHolderOf.KEY })) {
      const instance = wrapper.instance as PersonalDataHolder | undefined;
      if (!instance || seen.has(instance)) continue;
      seen.add(instance);
      const name: string = this.discovery.getMetadataByDecorator(PersonalDataHolderOf, wrapper) ?? String(wrapper.name);
      this.found.push({ name, holder: instance });
    }
    this.found.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The holders found at start, by name. */
  holders(): DiscoveredHolder[] {
    return this.found;
  }

  /** Reads everything about the person (one snapshot), then streams the ZIP. */
  async open(userId: string): Promise<Readable> {
    const parts = await this.db.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const all: Array<{ name: string; holder: PersonalDataHolder; data: PersonalDataExport }> = [];
      for (const { name, holder } of this.found)
        all.push({ name, holder, data: await holder.exportFor(manager, userId) });
      return all;
    });
    const zip = archiver('zip', { zlib: { level: 6 } });
    const out = new PassThrough();
    zip.on('warning', (error) => this.logger.warn(`export of ${userId}: ${error.message}`));
    zip.on('error', (error) => out.destroy(error));
    zip.pipe(out);
    const manifest: Array<Record<string, unknown>> = [];
    for (const { name, holder, data } of parts) {
      for (const held of data.tables) {
        const declared = holder.tables.find((t) => t.table === held.table);
        if (!declared) throw new Error(`Holder ${name} exported ${held.table} without declaring it`);
        const columns = exportedColumns(declared);
        const rows = held.rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
        zip.append(JSON.stringify(rows, null, 2), { name: `data/${held.table}.json` });
        manifest.push({
          holder: name,
          table: held.table,
          rows: rows.length,
          exported: Object.fromEntries(
            Object.entries(declared.columns).flatMap(([c, use]) => ('exported' in use ? [[c, use.exported]] : [])),
          ),
          excluded: Object.fromEntries(
            Object.entries(declared.columns).flatMap(([c, use]) => ('excluded' in use ? [[c, use.excluded]] : [])),
          ),
        });
      }
    }
    const files = parts.flatMap((p) => p.data.files);
    zip.append(
      JSON.stringify({ subject: userId, tables: manifest, files: files.map((f) => safeName(f.name)) }, null, 2),
      {
        name: 'manifest.json',
      },
    );
    // Files are opened one after another as the archive reaches them: at most one open at a time.
    void (async () => {
      try {
        for (const file of files) {
          const stream = await this.storage.get(file.key);
          zip.append(stream, { name: `files/${safeName(file.name)}` });
          await new Promise<void>((resolve, reject) => {
            stream.once('end', resolve);
            stream.once('error', reject);
          });
        }
        await zip.finalize();
      } catch (error) {
        zip.abort();
        out.destroy(error as Error);
      }
    })();
    return out;
  }
}
