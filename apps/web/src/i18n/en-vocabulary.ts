/** Words of the charts and pickers that show the vocabulary (issue 14). */
export const enVocabulary = {
  charts: {
    axis: {
      stage: 'Stage',
      people: 'People',
      fellows: 'Fellows',
      week: 'Week starting (Monday)',
      month: 'Month',
      milestones: 'Milestones',
      sessions: 'Sessions',
    },
    unknown: 'Not given',
  },
  vocabulary: { loading: 'Loading…' },
};
