import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row of the transfer register: a person's data made available to a party abroad (a hub, a hub's
 * partner, a mentor), what made it happen (source kind and id: recording the same source twice is a
 * no-op), where, which categories, on which legal basis, when. The person's name is not copied here:
 * the register reads it from identity's contacts view, so an erasure there reaches the register too.
 */
@Entity('personal_data_transfers')
@Index('personal_data_transfers_source_key', ['sourceKind', 'sourceId'], { unique: true })
@Index('personal_data_transfers_subject_idx', ['subjectUserId'])
@Index('personal_data_transfers_cohort_idx', ['cohortId', 'transferredAt'])
export class PersonalDataTransfer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  subjectUserId: string;

  /** The cohort the transfer belongs to (the register's filter); null for one outside any cohort. */
  @Column('uuid', { nullable: true })
  cohortId: string | null;

  @Column('text')
  sourceKind: string;

  @Column('text')
  sourceId: string;

  @Column('text')
  recipientKind: string;

  @Column('text')
  recipientName: string;

  /** ISO 3166-1 alpha-2. */
  @Column('text')
  country: string;

  @Column('text', { array: true })
  categories: string[];

  @Column('text')
  basis: string;

  @Column('timestamptz')
  transferredAt: Date;
}
