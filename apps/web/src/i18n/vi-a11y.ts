/** Words only assistive technology reads (names of icon buttons and the like). */
export const viA11y = {
  a11y: {
    close: 'Đóng',
    scrollableTable: 'Bảng (cuộn ngang)',
    accountMenu: '{{name}}: menu tài khoản',
    pagination: { first: 'Trang đầu', previous: 'Trang trước', next: 'Trang sau', last: 'Trang cuối' },
  },
};
