/** English texts of the staff-only panel on an application: contact details, internal notes, tags. */
export const enStaffNotes = {
  staffNotes: {
    title: 'Contact, notes and tags',
    staffOnly: 'Staff only',
    email: 'Email',
    phone: 'Phone',
    language: 'Language',
    tags: 'Tags',
    tagsHelp: 'Up to 10; lower-case letters, digits and dashes. Press Enter after each.',
    saveTags: 'Save tags',
    newNote: 'Internal note (never shown to the applicant or reviewers)',
    addNote: 'Add note',
    none: 'No internal notes yet.',
    by: '{{name}} · {{at}}',
    override: {
      open: 'Override eligibility',
      reason: 'Reason',
      help: 'The applicant may then submit although a rule of the cohort says otherwise. Audited.',
      confirm: 'Confirm override',
      cancel: 'Cancel',
      shown: 'Eligibility overridden by staff: {{reason}} ({{name}}, {{at}})',
    },
  },
};
