import { User } from '@vgbf/identity';
import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What matching needs to know of a mentor: sectors, expertise, languages, where they are, how many fellows. */
@Entity('mentor_profiles')
export class MentorProfile {
  @PrimaryColumn('uuid')
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** Employer or firm: a fellow from the same organisation is a conflict. */
  @Column('text', { nullable: true })
  organisation: string | null;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text', { array: true, default: '{}' })
  sectors: string[];

  /** Functional expertise: finance, legal, export_logistics, marketing, technology, esg… */
  @Column('text', { array: true, default: '{}' })
  expertise: string[];

  /** ISO 639-1 codes. */
  @Column('text', { array: true, default: '{}' })
  languages: string[];

  /** A hub city, or null for "anywhere" (remote). */
  @Column('text', { nullable: true })
  city: string | null;

  /** IANA time zone, e.g. Asia/Tokyo. */
  @Column('text')
  timeZone: string;

  /** At most this many fellows at once. */
  @Column('int', { default: 2 })
  capacity: number;

  @Column('date', { nullable: true })
  availableFrom: string | null;

  @Column('date', { nullable: true })
  availableTo: string | null;

  @Column('text', { nullable: true })
  bio: string | null;

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
