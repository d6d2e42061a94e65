import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { useAuth } from '../../app/auth';
import { NAV } from '../../app/nav';
import { PageHeader } from '../../components/PageHeader';
import { useRpcQuery } from '../../api/hooks';
import { formatLongDate } from '../../util/format';
import { startWidgets } from './widgets';

/** Start page per role: the role's widgets (areas register them in widgets.tsx), then shortcuts to its sections. */
export function StartPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const status = useRpcQuery('system.status', {});
  if (!user) return null;
  const sections = NAV.filter((n) => n.path !== '/' && n.roles.some((r) => user.roles.includes(r)));
  const widgets = startWidgets.filter((w) => w.roles.some((r) => user.roles.includes(r)));
  return (
    <>
      <PageHeader
        title={t('start.greeting', { name: user.displayName.split(' ')[0] })}
        lead={
          <>
            {status.data ? t('start.today', { date: formatLongDate(status.data.today) }) : null}{' '}
            {t('start.yourRoles', { roles: user.roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(', ') })}
          </>
        }
      />
      {widgets.map((W) => (
        <W.component key={W.key} />
      ))}
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
