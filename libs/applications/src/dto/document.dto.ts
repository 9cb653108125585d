import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DOCUMENT_KINDS, type DocumentKind } from '../entities/application-document.entity';

export class DocumentKindQuery {
  @ApiProperty({
    enum: DOCUMENT_KINDS,
    description: 'cv and business_registration: one each, a new upload replaces it; other: up to 5',
  })
  @IsIn(DOCUMENT_KINDS)
  kind: DocumentKind;
}

export class ApplicationDocumentView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty({ example: 'CV Nguyễn Văn An.pdf' }) filename: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty() uploadedAt: string;
}
