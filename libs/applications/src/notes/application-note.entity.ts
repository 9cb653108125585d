import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A staff member's internal note on an application: staff only, never shown to the applicant or reviewers. */
@Entity('application_notes')
@Index('application_notes_app_idx', ['applicationId', 'createdAt'])
export class ApplicationNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  applicationId: string;

  @Column('uuid')
  authorId: string;

  @Column('text')
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A staff tag on an application (a small set per application): staff only. */
@Entity('application_tags')
export class ApplicationTag {
  @Column('uuid', { primary: true })
  applicationId: string;

  @Column('text', { primary: true })
  tag: string;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * Staff decided, with a reason (audited), that an application is eligible although a configured rule
 * says otherwise: its submission is then no longer refused for eligibility.
 */
@Entity('application_eligibility_overrides')
export class ApplicationEligibilityOverride {
  @Column('uuid', { primary: true })
  applicationId: string;

  @Column('text')
  reason: string;

  @Column('uuid')
  overriddenBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
