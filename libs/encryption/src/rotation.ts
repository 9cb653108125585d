import { DiscoveryService } from '@nestjs/core';

/** What one pass of a holder's rotation did: rows looked at, values rewritten under the active key. */
export interface RotationCount {
  scanned: number;
  rewritten: number;
}

/**
 * A module's encrypted columns, as the key-rotation command sees them: `rotate` re-encrypts every
 * value not yet under the active key (plaintext from before encryption included) in short
 * transactions, and leaves values already under it alone — so it is idempotent and a run that stopped
 * halfway is finished by running it again. Mark the provider with @HoldsEncryptedColumns().
 */
export interface EncryptedColumns {
  /** `table.column, column` as the command prints it. */
  readonly columns: string;
  rotate(batchSize: number): Promise<RotationCount>;
}

/** Marks a provider implementing EncryptedColumns, found by the rotation command with DiscoveryService. */
export const HoldsEncryptedColumns = DiscoveryService.createDecorator<void>();
