/**
 * The proposal panel every propose → confirm workflow of the web shares (selection, placement,
 * matching): propose with constraints, locks and forbids, the proposal's summary with the page's own
 * view, the stale warning, comparing runs, and confirmation with its dialog. A page gives only its
 * constraint editors, its view of a proposal and its words.
 */
export { LockForbidEditor, type LockForbidWords } from './LockForbidEditor';
export { ProposalCard, type ConfirmWords, type ProposalFact, type ProposalStatus } from './ProposalCard';
export { ProposalCompare } from './ProposalCompare';
export { ProposalProblem } from './ProposalProblem';
export { isStaleProposal } from './stale';
export { ProposeCard, type ProposeWords } from './ProposeCard';
export { type ConfirmMutation, useConfirmDialog, useShownProposal } from './hooks';
