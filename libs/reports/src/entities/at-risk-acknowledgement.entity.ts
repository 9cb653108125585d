import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** Staff have seen an at-risk flag (fellow and rule) and noted what they do about it. */
@Entity('at_risk_acknowledgements')
@Index('at_risk_acknowledgements_key', ['fellowId', 'rule'], { unique: true })
export class AtRiskAcknowledgement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  fellowId: string;

  // fellows' table, named rather than imported: reports import only cohorts (config/boundaries.json).
  @ManyToOne('Fellow', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fellow_id' })
  fellow?: { id: string };

  @Column('text')
  rule: string;

  @Column('text')
  note: string;

  @Column('uuid')
  acknowledgedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
