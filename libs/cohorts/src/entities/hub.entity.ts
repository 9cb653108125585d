import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Cohort } from './cohort.entity';

export const LANGUAGE_TESTS = ['IELTS', 'TOEFL', 'TOEIC', 'JLPT', 'TOPIK', 'OTHER'] as const;
export type LanguageTest = (typeof LANGUAGE_TESTS)[number];

/** Any one of these satisfies the hub, e.g. JLPT N3 or IELTS 6.5. */
export interface LanguageRequirement {
  test: LanguageTest;
  minimum: string;
}

/** A placement destination of a cohort, with its capacity and language rules. */
@Entity('hubs')
@Index('hubs_cohort_code_key', ['cohortId', 'code'], { unique: true })
export class Hub {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, (cohort) => cohort.hubs, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  /** Short and stable: SG, JP, KR, EU… */
  @Column('text')
  code: string;

  /** The hub's name in English (and the one shown where no Vietnamese name is set). */
  @Column('text')
  name: string;

  /** The hub's name in Vietnamese, e.g. "Nhật Bản"; null where staff gave none. */
  @Column('text', { nullable: true })
  nameVi: string | null;

  @Column('text')
  city: string;

  @Column('int')
  capacity: number;

  /** The fewest fellows the hub must receive (a partner's commitment); 0 for none. */
  @Column('int', { default: 0 })
  minimumFellows: number;

  /** IANA time zone of the hub's city, e.g. Asia/Tokyo: mentor matching compares time zones. */
  @Column('text', { default: 'UTC' })
  timeZone: string;

  /** ISO 639-1 codes of the languages spoken there (a mentor sharing one with the fellow scores). */
  @Column('text', { array: true, default: '{}' })
  localLanguages: string[];

  @Column('text', { array: true, default: '{}' })
  partnerOrganisations: string[];

  @Column('jsonb', { default: [] })
  languageRequirements: LanguageRequirement[];
}
