import { Module } from '@nestjs/common';
import { ProposalWorkflow } from './proposal-workflow';

/** The one propose → confirm workflow, for every domain lib that proposes and confirms (infrastructure). */
@Module({
  providers: [ProposalWorkflow],
  exports: [ProposalWorkflow],
})
export class ProposalsModule {}
