import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import EditOutlined from '@mui/icons-material/EditOutlined';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { Extensions } from '../../app/extensions';
import { paths } from '../../app/paths';
import {
  ConfirmDialog,
  ErrorAlert,
  FactList,
  FreeChip,
  Loading,
  PageHeader,
  Section,
  TagList,
  useLabel,
} from '../../components';
import { usePeriodText } from './parts';
import { PositionDialog } from './PositionDialog';
import './i18n';
import { OccupancyTable } from './OccupancyTable';

/** One position: every catalogue field, its computed occupancy, and for coordinators its candidates and proposals. */
export function PositionDetailPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { id } = useParams();
  const positionId = Number(id);
  const { hasRole } = useAuth();
  const isAdmin = hasRole('admin');
  const periodText = usePeriodText();
  const [editing, setEditing] = useState(false);
  const [deactivating, setDeactivating] = useState(false);
  const valid = Number.isInteger(positionId) && positionId > 0;
  const query = useRpcQuery('positions.get', { id: valid ? positionId : 1 }, { enabled: valid });
  const setActive = useRpcMutation('positions.setActive', { invalidates: ['positions.', 'workplaces.', 'matching.'] });

  const back = (
    <Button component={RouterLink} to={paths.positions} startIcon={<ArrowBack />} sx={{ mb: 1 }}>
      {t('positions.detail.back')}
    </Button>
  );
  if (!valid) {
    return (
      <>
        {back}
        <Alert severity="warning">{t('positions.detail.notFound')}</Alert>
      </>
    );
  }
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) {
    return (
      <>
        {back}
        <ErrorAlert error={query.error ?? t('positions.detail.notFound')} />
      </>
    );
  }
  const p = query.data;
  const statusKey = !p.active ? 'inactive' : !p.workplaceActive ? 'workplaceInactive' : 'active';
  const supervisor = [p.supervisorName, p.supervisorPhone, p.supervisorEmail].filter(Boolean).join(', ') || '–';

  return (
    <>
      {back}
      <PageHeader
        title={p.title}
        lead={`${label('positionKind', p.kind)} · ${p.workplaceName}${p.district ? `, ${p.district}` : ''}`}
        actions={
          <>
            <Chip
              variant="outlined"
              color={statusKey === 'active' ? 'success' : 'default'}
              label={t(`positions.status.${statusKey}`)}
            />
            <FreeChip free={p.occupancy.free} slots={p.occupancy.slots} size="medium" />
            {isAdmin && (
              <>
                <Button variant="outlined" startIcon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('positions.detail.edit')}
                </Button>
                <Button
                  variant="outlined"
                  onClick={() => (p.active ? setDeactivating(true) : setActive.mutate({ id: p.id, active: true }))}
                  disabled={setActive.isPending}
                >
                  {p.active ? t('positions.detail.deactivate') : t('positions.detail.activate')}
                </Button>
              </>
            )}
          </>
        }
      />
      <ErrorAlert error={deactivating ? null : setActive.error} />
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: 'stretch', mb: 0 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Section id="about-heading" title={t('positions.detail.about')}>
            <FactList
              columns={1}
              items={[
                { label: t('positions.detail.kind'), value: label('positionKind', p.kind) },
                {
                  label: t('positions.detail.workplace'),
                  value: (
                    <Link component={RouterLink} to={`${paths.positions}?arbetsplats=${p.workplaceId}&status=all`}>
                      {p.workplaceName}
                    </Link>
                  ),
                },
                { label: t('positions.detail.organisation'), value: p.organisation ?? '–' },
                {
                  label: t('positions.detail.address'),
                  value: [p.address, p.district].filter(Boolean).join(', ') || '–',
                },
                { label: t('positions.detail.form'), value: label('employmentForm', p.employmentForm) },
                ...(p.employmentForm === 'subsidised_employment'
                  ? [{ label: t('positions.detail.subsidy'), value: p.subsidyTypeName ?? '–' }]
                  : []),
                { label: t('positions.detail.union'), value: p.unionReviewRequired ? t('common.yes') : t('common.no') },
                { label: t('positions.detail.hours'), value: `${p.hoursPercent} %` },
                { label: t('positions.detail.period'), value: periodText(p.periodStart, p.periodEnd) },
                { label: t('positions.detail.supervisor'), value: supervisor },
              ]}
            />
          </Section>
        </Box>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Section id="tasks-heading" title={t('positions.detail.tasks')}>
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{p.tasks}</Typography>
          </Section>
          <Section id="req-heading" title={t('positions.detail.requirements')}>
            <FactList
              columns={1}
              items={[
                {
                  label: t('positions.detail.minSwedish'),
                  value: p.minSwedishLevel ? label('swedishLevel', p.minSwedishLevel) : t('positions.detail.none'),
                },
                {
                  label: t('positions.detail.licence'),
                  value: p.requiredLicence ? label('licenceClass', p.requiredLicence) : t('positions.detail.none'),
                },
                {
                  label: t('positions.detail.physical'),
                  value: p.physicalDemands ? label('physicalDemands', p.physicalDemands) : '–',
                },
                {
                  label: t('positions.detail.languages'),
                  value: <TagList tags={p.languages} empty={t('positions.detail.noneListed')} />,
                },
                {
                  label: t('positions.detail.skills'),
                  value: <TagList tags={p.skills} empty={t('positions.detail.noneListed')} />,
                },
              ]}
            />
          </Section>
        </Box>
      </Stack>
      <Section
        id="occupancy-heading"
        title={t('positions.detail.occupancy')}
        lead={t('positions.detail.occupancyLead')}
      >
        <OccupancyTable position={p} />
      </Section>
      <Extensions point="position.detail" position={p} />
      {editing && <PositionDialog position={p} onClose={() => setEditing(false)} />}
      {deactivating && (
        <ConfirmDialog
          title={t('positions.detail.confirmDeactivate')}
          text={t('positions.detail.confirmDeactivateText')}
          confirmLabel={t('positions.detail.deactivate')}
          busy={setActive.isPending}
          error={setActive.error}
          onClose={() => setDeactivating(false)}
          onConfirm={() => setActive.mutate({ id: p.id, active: false }, { onSuccess: () => setDeactivating(false) })}
        />
      )}
    </>
  );
}
