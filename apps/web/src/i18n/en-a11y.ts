/** Words only assistive technology reads (names of icon buttons and the like). */
export const enA11y = {
  a11y: {
    close: 'Close',
    scrollableTable: 'Table (scrolls sideways)',
    accountMenu: '{{name}}: account menu',
    pagination: { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' },
  },
};
