/** English texts of privacy notices and consents (issue 17). */
export const enConsent = {
  consent: {
    nav: 'Privacy',
    title: 'Privacy',
    intro:
      'The VGBF programme asks your consent separately for each purpose below. Nothing is ticked for you: you may give or withdraw each consent at any time, and withdrawing stops what depends on it from then on.',
    requiredToApply: 'Needed to apply',
    optional: 'Optional',
    state: { given: 'Consent given', withdrawn: 'Withdrawn', lapsed: 'Asked again', none: 'Not given' },
    channel: {
      registration: 'registration form',
      account: 'account page',
      staff: 'programme staff on your behalf',
      seed: 'programme records',
    },
    recorded: 'Notice version {{version}}, {{at}}, through the {{channel}}.',
    lapsedNote:
      'The notice changed in an important way (version {{version}}). Please read it and give your consent again if you agree.',
    readNotice: 'Read the notice (version {{version}})',
    hideNotice: 'Hide the notice',
    give: 'I consent',
    withdraw: 'Withdraw my consent',
    registerTitle: 'Your consent',
    applyNeededTitle: 'Your consent is needed to apply',
    applyNeeded:
      'To receive and process your application, the programme needs your consent to the purpose below. Read the notice, tick the box if you agree, and your application starts.',
    applyAgreeAndStart: 'I agree — start my application',
    registerIntro:
      'Tick the purposes you agree to. Processing your application is needed to apply; the others are optional and you can change them later on your account page.',
    announcementPurpose: 'Who may receive it',
    announcementPurposeHint:
      'A programme notice reaches everyone in the audience; news and marketing only those who consented.',
    announcementNotice: 'Programme notice (mandatory)',
    staff: {
      nav: 'Privacy notices',
      title: 'Privacy notices and consents',
      intro:
        'One notice per purpose, in Vietnamese and English. A new version marked as an important change asks everyone to consent again: their earlier consent stops counting until they do.',
      purpose: 'Purpose',
      version: 'Current version',
      standing: 'Consent stands',
      lapsed: 'Asked again',
      withdrawn: 'Withdrawn',
      newVersion: 'New version',
      versionLine: 'Version {{version}} of {{at}}',
      material: 'Important change',
      publishTitle: 'Publish a new version',
      titleVi: 'Title (Vietnamese)',
      titleEn: 'Title (English)',
      bodyVi: 'Notice (Vietnamese)',
      bodyEn: 'Notice (English)',
      changeNote: 'What changed (for staff)',
      materialLabel: 'An important change: ask everyone to consent again',
      publish: 'Publish',
      published: 'Version {{version}} published.',
      personTitle: 'Consents',
      onBehalfReason: 'How the person told us (required)',
      history: 'History',
    },
  },
};
