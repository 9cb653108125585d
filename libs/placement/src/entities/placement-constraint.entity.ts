import { Hub } from '@vgbf/cohorts';
import { Fellow } from '@vgbf/fellows';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const CONSTRAINT_KINDS = ['lock', 'forbid'] as const;
export type ConstraintKind = (typeof CONSTRAINT_KINDS)[number];

/** A staff decision the placement solver must honour: this fellow goes to (lock) or never to (forbid) this hub. */
@Entity('placement_constraints')
@Index('placement_constraints_pair_key', ['fellowId', 'hubId'], { unique: true })
@Index('placement_constraints_one_lock_key', ['fellowId'], { unique: true, where: `kind = 'lock'` })
export class PlacementConstraint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('placement_constraints_cohort_idx')
  @Column('uuid')
  cohortId: string;

  @Column('uuid')
  fellowId: string;

  @ManyToOne(() => Fellow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fellow_id' })
  fellow?: Fellow;

  @Column('uuid')
  hubId: string;

  @ManyToOne(() => Hub, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hub_id' })
  hub?: Hub;

  @Column('text')
  kind: ConstraintKind;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
