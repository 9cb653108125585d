import { Application } from '@vgbf/applications';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The interview of a shortlisted applicant, scored on the cohort's rubric. */
@Entity('interviews')
export class Interview {
  @PrimaryColumn('uuid')
  applicationId: string;

  @OneToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column('jsonb')
  scores: Record<string, number>;

  @Column('uuid')
  recordedBy: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
