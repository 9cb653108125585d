import { ApiProperty } from '@nestjs/swagger';

/** One audit entry as the console reads it: who acted is named, not only identified. */
export class AuditEntryView {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: the system (a job, the CLI)' })
  actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) actorEmail: string | null;
  @ApiProperty({ example: 'invitation.created' }) action: string;
  @ApiProperty({ example: 'user' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty() createdAt: string;
}
