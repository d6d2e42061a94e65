import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { useRpcQuery } from '../../api/hooks';
import { paths } from '../../app/paths';
import { ErrorAlert, Loading, PageHeader } from '../../components';
import './i18n';
import { PlacementForm } from './PlacementForm';

/** '/placeringar/ny/:proposalId': a new placement from an approved proposal (placements.prefill → placements.create). */
export function CreatePlacementPage() {
  const { t } = useTranslation();
  const { proposalId } = useParams();
  const id = Number(proposalId);
  const valid = Number.isInteger(id) && id > 0;
  const prefill = useRpcQuery('placements.prefill', { proposalId: valid ? id : 1 }, { enabled: valid, retry: false });
  const back = (
    <Button component={RouterLink} to={paths.toPlace} startIcon={<ArrowBack />} sx={{ mb: 1 }}>
      {t('placements.create.back')}
    </Button>
  );
  if (!valid) {
    return (
      <>
        {back}
        <Alert severity="warning">{t('placements.create.notFound')}</Alert>
      </>
    );
  }
  if (prefill.isLoading) return <Loading />;
  return (
    <>
      {back}
      <PageHeader
        title={t('placements.create.title')}
        lead={
          prefill.data
            ? t('placements.create.lead', {
                id,
                name: prefill.data.participantName,
                position: prefill.data.positionTitle,
                workplace: prefill.data.workplaceName,
              })
            : undefined
        }
      />
      <ErrorAlert error={prefill.error} />
      {prefill.data && <PlacementForm prefill={prefill.data} />}
    </>
  );
}
