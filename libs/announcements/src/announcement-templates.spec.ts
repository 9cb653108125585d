import { ANNOUNCEMENT_TEMPLATES, announcementText } from './announcement-templates';

describe(announcementText.name, () => {
  const values = { cohort: 'VGBF 2027', deadline: '2027-03-31 23:59 (GMT+7)' };

  it('fills the cohort and the deadline in both languages, and leaves staff-looking braces alone', () => {
    expect(announcementText('deadline-approaching', 'vi', values)).toEqual({
      subject: 'VGBF 2027: sắp đến hạn',
      body: 'Hạn nộp hồ sơ VGBF 2027 là 2027-03-31 23:59 (GMT+7).\n\nHãy hoàn thành và nộp hồ sơ trước thời điểm đó; sau hạn, hồ sơ không thể chỉnh sửa.',
    });
    expect(announcementText('event', 'en', { cohort: '{deadline}', deadline: 'x' }).subject).toBe(
      '{deadline}: you are invited to an event',
    );
  });

  it('has a subject in both languages for every template, and a body for all but free text', () => {
    for (const code of ANNOUNCEMENT_TEMPLATES) {
      for (const language of ['vi', 'en'] as const) {
        const text = announcementText(code, language, values);
        expect(text.subject).toContain('VGBF 2027');
        expect(text.body.length > 0).toBe(code !== 'free-text');
      }
    }
  });
});
