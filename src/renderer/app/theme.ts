import { createTheme, type Theme, type ThemeOptions } from '@mui/material/styles';
import { enUS as coreEnUS, svSE as coreSvSE } from '@mui/material/locale';
import { enUS as gridEnUS, svSE as gridSvSE } from '@mui/x-data-grid/locales';
import { enUS as pickersEnUS, svSE as pickersSvSE } from '@mui/x-date-pickers/locales';
import type { Language } from './i18n';

/**
 * A calm municipal look: one deep teal accent, white surfaces on a light grey page, readable type.
 * Colours are chosen for WCAG 2.1 AA contrast on white (#00566b: 8.1:1).
 */
const base: ThemeOptions = {
  palette: {
    primary: { main: '#00566b', dark: '#003c4b', light: '#3e7f8f', contrastText: '#ffffff' },
    secondary: { main: '#6b4e00' },
    background: { default: '#f4f6f7', paper: '#ffffff' },
    text: { primary: '#1c2326', secondary: '#4a555a' },
    error: { main: '#b3261e' },
    warning: { main: '#8a5300' },
    success: { main: '#1e6b35' },
    info: { main: '#0b5394' },
    divider: '#d9dfe2',
  },
  shape: { borderRadius: 6 },
  typography: {
    fontFamily: '"Source Sans 3", "Segoe UI", system-ui, -apple-system, sans-serif',
    fontSize: 15,
    h1: { fontSize: '1.9rem', fontWeight: 600 },
    h2: { fontSize: '1.5rem', fontWeight: 600 },
    h3: { fontSize: '1.25rem', fontWeight: 600 },
    h4: { fontSize: '1.1rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { root: { border: '1px solid #d9dfe2' } } },
    MuiAppBar: { styleOverrides: { root: { border: 'none' } } },
    MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    MuiLink: { defaultProps: { underline: 'hover' } },
  },
};

const LOCALES = {
  sv: [coreSvSE, gridSvSE, pickersSvSE],
  en: [coreEnUS, gridEnUS, pickersEnUS],
} as const;

const themes = new Map<Language, Theme>();

/**
 * The theme in the user's language: MUI's own texts (pagination, the grid's menus, the date picker's buttons) follow
 * the language chosen in Växla, never the browser's or the OS's.
 */
export function themeFor(lang: Language): Theme {
  let th = themes.get(lang);
  if (!th) {
    th = createTheme(base, ...LOCALES[lang]);
    themes.set(lang, th);
  }
  return th;
}
