import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the access log: someone (staff, a reviewer, a mentor) opened a person's full application
 * or downloaded one of their documents. Names and roles are read from identity's contacts view.
 */
@Entity('personal_data_access_log')
@Index('personal_data_access_log_subject_idx', ['subjectUserId', 'accessedAt'])
@Index('personal_data_access_log_actor_idx', ['actorUserId', 'accessedAt'])
export class PersonalDataAccess {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  actorUserId: string;

  @Column('uuid')
  subjectUserId: string;

  /** 'application' | 'document'. */
  @Column('text')
  resource: string;

  @Column('text')
  resourceId: string;

  @Column('timestamptz')
  accessedAt: Date;
}
