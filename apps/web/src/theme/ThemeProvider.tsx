import {
  Autocomplete,
  Drawer,
  MantineProvider,
  Modal,
  MultiSelect,
  Pagination,
  Select,
  Table,
  TagsInput,
  mergeThemeOverrides,
} from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { foldedFilter } from '../vocabulary/vocabulary';
import { cssVariablesResolver, theme } from './index';

/**
 * Mantine with the app's theme and the defaults that need the person's language: every modal's and
 * drawer's close button is named ("Close"/"Đóng"), and their header is not a second banner landmark
 * (a <header> inside a role="dialog" section counts as one).
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const close = t('a11y.close');
  const scrollableTable = t('a11y.scrollableTable');
  const pages = {
    first: t('a11y.pagination.first'),
    previous: t('a11y.pagination.previous'),
    next: t('a11y.pagination.next'),
    last: t('a11y.pagination.last'),
  };
  const themed = useMemo(() => {
    const dialog = {
      closeButtonProps: { 'aria-label': close },
      attributes: { header: { role: 'none' } },
    };
    return mergeThemeOverrides(theme, {
      components: {
        Modal: Modal.extend({ defaultProps: dialog }),
        Drawer: Drawer.extend({ defaultProps: dialog }),
        // A table wider than the screen scrolls inside its container: keyboard users must be able to
        // focus that container to scroll it (axe scrollable-region-focusable), and it needs a name.
        TableScrollContainer: Table.ScrollContainer.extend({
          defaultProps: {
            scrollAreaProps: { viewportProps: { tabIndex: 0, role: 'group', 'aria-label': scrollableTable } },
          },
        }),
        // Every picker finds names without diacritics: "Ha Noi" finds Hà Nội, "da nang" Đà Nẵng.
        Select: Select.extend({ defaultProps: { filter: foldedFilter } }),
        MultiSelect: MultiSelect.extend({ defaultProps: { filter: foldedFilter } }),
        Autocomplete: Autocomplete.extend({ defaultProps: { filter: foldedFilter } }),
        TagsInput: TagsInput.extend({ defaultProps: { filter: foldedFilter } }),
        // The arrows of a pagination have no text: name them.
        Pagination: Pagination.extend({
          defaultProps: {
            getControlProps: (control: 'first' | 'previous' | 'last' | 'next') => ({ 'aria-label': pages[control] }),
          },
        }),
      },
    });
    // i18n.resolvedLanguage: a new theme when the language changes (`pages` holds that language's words).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [close, scrollableTable, i18n.resolvedLanguage]);
  return (
    <MantineProvider theme={themed} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}
