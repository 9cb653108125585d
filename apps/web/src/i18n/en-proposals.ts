/** The proposal panel's own words (apps/web/src/components/proposals), shared by selection, placement and matching. */
export const enProposals = {
  proposals: {
    status: { proposed: 'Proposed', confirmed: 'Confirmed', approved: 'Approved', superseded: 'Superseded' },
    save: 'Save',
    cancel: 'Cancel',
    staleTitle: 'This proposal is out of date',
    compare: {
      title: 'Compare two proposals',
      help: 'Pick two runs: who is in one and not the other, their totals and their shares.',
      left: 'Proposal A',
      right: 'Proposal B',
      pickTwo: 'Pick two different proposals.',
    },
  },
};
