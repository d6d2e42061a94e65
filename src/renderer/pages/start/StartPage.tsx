import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useAuth } from '../../app/auth';
import { Extensions, useMenu } from '../../app/extensions';
import { BASE } from '../../app/paths';
import { useRpcQuery } from '../../api/hooks';
import { formatLongDate } from '../../util/format';
import { PageHeader, useLabel } from '../../components';

/**
 * Start page per role: the widgets the sections contribute for the user's roles (the section table, app/sections.tsx),
 * then shortcuts to the user's sections.
 */
export function StartPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { user } = useAuth();
  const menu = useMenu();
  const status = useRpcQuery('system.status', {});
  if (!user) return null;
  const sections = menu.filter((n) => n.path !== BASE.start);
  return (
    <>
      <PageHeader
        title={t('start.greeting', { name: user.displayName.split(' ')[0] })}
        lead={
          <>
            {status.data ? t('start.today', { date: formatLongDate(status.data.today) }) : null}{' '}
            {t('start.yourRoles', { roles: user.roles.map((r) => label('role', r).toLowerCase()).join(', ') })}
          </>
        }
      />
      <Extensions point="start.widget" />
      <Typography variant="h2" sx={{ mt: 4, mb: 2 }}>
        {t('start.shortcuts')}
      </Typography>
      <Grid container spacing={2}>
        {sections.map((s) => {
          const Icon = s.icon;
          return (
            <Grid key={s.path} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
              <Card>
                <CardActionArea component={RouterLink} to={s.path} sx={{ p: 1 }}>
                  <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
                    <Icon />
                    <Typography sx={{ fontWeight: 600 }}>{t(`nav.${s.key}`)}</Typography>
                  </CardContent>
                </CardActionArea>
              </Card>
            </Grid>
          );
        })}
      </Grid>
    </>
  );
}
