import { useState, type ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import AccountCircleOutlined from '@mui/icons-material/AccountCircleOutlined';
import Check from '@mui/icons-material/Check';
import { useAuth } from './auth';
import type { MenuEntry } from './extensions';
import { BASE } from './paths';
import { setLanguage, type Language } from './i18n';
import { useLabel } from '../components/labels';

const DRAWER_WIDTH = 248;

function NavList({ items }: { items: readonly MenuEntry[] }) {
  const { t } = useTranslation();
  return (
    <>
      {items.map((item) => {
        const Icon = item.icon;
        return (
          <ListItemButton
            key={item.path}
            component={NavLink}
            to={item.path}
            end={item.path === '/'}
            sx={{
              borderRadius: 1,
              mx: 1,
              '&.active': {
                bgcolor: 'primary.main',
                color: 'primary.contrastText',
                '& .MuiListItemIcon-root': { color: 'inherit' },
              },
            }}
          >
            <ListItemIcon sx={{ minWidth: 36 }}>
              <Icon />
            </ListItemIcon>
            <ListItemText primary={t(`nav.${item.key}`)} />
          </ListItemButton>
        );
      })}
    </>
  );
}

/** The frame of every screen: the top bar with the account menu, the main menu from the section table, the page. */
export function Layout({ children, menu }: { children: ReactNode; menu: readonly MenuEntry[] }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!user) return null;
  const main = menu.filter((n) => n.group === 'main');
  const admin = menu.filter((n) => n.group === 'admin');
  const lang = i18n.language as Language;

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppBar position="fixed" sx={{ zIndex: (th) => th.zIndex.drawer + 1 }}>
        <Toolbar>
          <Typography component="span" variant="h6" sx={{ fontWeight: 700, letterSpacing: 0.3 }}>
            {t('app.name')}
          </Typography>
          <Typography component="span" sx={{ ml: 1.5, opacity: 0.85 }}>
            {t('app.unit')}
          </Typography>
          <Box sx={{ flexGrow: 1 }} />
          <Button
            color="inherit"
            startIcon={<AccountCircleOutlined />}
            aria-haspopup="menu"
            aria-controls={anchor ? 'user-menu' : undefined}
            aria-expanded={anchor ? 'true' : undefined}
            aria-label={`${t('user.menu')}: ${user.displayName}`}
            onClick={(e) => setAnchor(e.currentTarget)}
          >
            {user.displayName}
          </Button>
          <Menu id="user-menu" anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
            <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
              <Typography variant="body2" color="text.secondary">
                {t('user.roles')}: {user.roles.map((r) => label('role', r)).join(', ')}
              </Typography>
            </MenuItem>
            <Divider />
            <MenuItem
              onClick={() => {
                setAnchor(null);
                void navigate(BASE.changePassword);
              }}
            >
              {t('user.changePassword')}
            </MenuItem>
            {(['sv', 'en'] as const).map((l) => (
              <MenuItem
                key={l}
                lang={l}
                onClick={() => {
                  setLanguage(l);
                  setAnchor(null);
                }}
              >
                <ListItemIcon>{lang === l ? <Check fontSize="small" /> : null}</ListItemIcon>
                {l === 'sv' ? 'Svenska' : 'English'}
              </MenuItem>
            ))}
            <Divider />
            <MenuItem
              onClick={() => {
                setAnchor(null);
                void signOut().then(() => navigate(BASE.start));
              }}
            >
              {t('user.logout')}
            </MenuItem>
          </Menu>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', borderRight: '1px solid #d9dfe2' },
        }}
      >
        <Toolbar />
        <Box component="nav" aria-label={t('nav.mainMenu')} sx={{ overflow: 'auto', py: 1 }}>
          <List component="div">
            <NavList items={main} />
          </List>
          {admin.length > 0 && (
            <List
              component="div"
              subheader={
                <ListSubheader component="h2" sx={{ bgcolor: 'transparent', fontSize: '0.85rem', lineHeight: 2.5 }}>
                  {t('nav.admin')}
                </ListSubheader>
              }
            >
              <NavList items={admin} />
            </List>
          )}
        </Box>
      </Drawer>
      <Box component="main" id="main-content" tabIndex={-1} sx={{ flexGrow: 1, p: 3, minWidth: 0, outline: 'none' }}>
        <Toolbar />
        {children}
      </Box>
    </Box>
  );
}
