import { useEffect } from 'react';
import { HashRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import Alert from '@mui/material/Alert';
import { AuthProvider, useAuth } from './auth';
import { Layout } from './Layout';
import { CONTRIBUTIONS, SECTIONS, mayOpen, pathOf } from './sections';
import { ExtensionsProvider, type MenuEntry } from './extensions';
import { useTranslation } from 'react-i18next';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { sv as dateFnsSv } from 'date-fns/locale/sv';
import { themeFor } from './theme';
import { useRpcQuery } from '../api/hooks';
import { Loading } from '../components/Loading';
import { LoginPage } from '../pages/auth/LoginPage';
import { SetupPage } from '../pages/auth/SetupPage';
import { ChangePasswordPage } from '../pages/auth/ChangePasswordPage';
import { PageHeader } from '../components/PageHeader';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 15_000 } },
});

/** Moves focus to the main region after navigation so keyboard and screen-reader users land on the new page. */
function FocusOnNavigate() {
  const location = useLocation();
  useEffect(() => {
    const main = document.getElementById('main-content');
    if (main && document.activeElement === document.body) main.focus({ preventScroll: true });
  }, [location.pathname]);
  return null;
}

function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('app.forbidden')} />
      <Alert severity="warning">{t('app.forbiddenText')}</Alert>
    </>
  );
}

function Shell() {
  const { user, checking } = useAuth();
  const status = useRpcQuery('system.status', {}, { staleTime: Infinity });
  if (checking || status.isLoading) return <Loading />;
  if (status.error)
    return (
      <Alert severity="error" sx={{ m: 4 }}>
        {status.error.message}
      </Alert>
    );
  if (!user) return status.data?.setupRequired ? <SetupPage /> : <LoginPage />;
  if (user.mustChangePassword) return <ChangePasswordPage forced />;
  const menu: MenuEntry[] = SECTIONS.filter((s) => s.menu !== 'none' && mayOpen(s, user.roles)).map((s) => ({
    key: s.key,
    path: pathOf(s),
    icon: s.icon,
    group: s.menu === 'admin' ? 'admin' : 'main',
  }));
  return (
    <ExtensionsProvider value={{ contributions: CONTRIBUTIONS, menu }}>
      <Layout menu={menu}>
        <FocusOnNavigate />
        <Routes>
          {SECTIONS.map((s) => {
            const path = pathOf(s);
            return (
              <Route
                key={s.key}
                path={path === '/' ? '/' : `${path}/*`}
                element={mayOpen(s, user.roles) ? s.element : <Forbidden />}
              />
            );
          })}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Layout>
    </ExtensionsProvider>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  return (
    <ThemeProvider theme={themeFor(lang)}>
      <CssBaseline />
      {/* Dates read and type as ÅÅÅÅ-MM-DD in both languages (docs/product.md §6); weeks start on Monday. */}
      <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={dateFnsSv}>
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <AuthProvider>
              <Shell />
            </AuthProvider>
          </HashRouter>
        </QueryClientProvider>
      </LocalizationProvider>
    </ThemeProvider>
  );
}
