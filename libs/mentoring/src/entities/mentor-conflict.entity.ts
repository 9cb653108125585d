import { Fellow } from '@vgbf/fellows';
import { User } from '@vgbf/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A mentor who must never be paired with a fellow, declared by the mentor or by staff, with the reason. */
@Entity('mentor_conflicts')
@Index('mentor_conflicts_pair_key', ['mentorId', 'fellowId'], { unique: true })
export class MentorConflict {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  mentorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: User;

  @Index('mentor_conflicts_fellow_idx')
  @Column('uuid')
  fellowId: string;

  @ManyToOne(() => Fellow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fellow_id' })
  fellow?: Fellow;

  @Column('text')
  reason: string;

  @Column('uuid')
  declaredBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
