import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import { useRpcQuery } from '../../api/hooks';
import { formatLongDate } from '../../util/format';
import { ErrorAlert, Loading, PageHeader } from '../../components';
import { IcsButton, ReviewTabs, useReviewRoles } from './parts';
import { ExtraMeetingDialog, useScheduleText } from './scheduleParts';
import './i18n';
import { ScheduleForm } from './ScheduleForm';

/** '/provning/schema': the meeting schedule (the admin changes it; everybody sees it) and extra meetings. */
export function SchedulePage() {
  const { t } = useTranslation();
  const { isAdmin } = useReviewRoles();
  const q = useRpcQuery('review.getSchedule', {});
  const scheduleText = useScheduleText();
  const [extra, setExtra] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={t('review.title')}
        lead={t('review.schedule.lead')}
        actions={
          <>
            <IcsButton />
            {isAdmin && (
              <Button variant="outlined" startIcon={<AddOutlined />} onClick={() => setExtra(true)}>
                {t('review.schedule.extra')}
              </Button>
            )}
          </>
        }
      />
      <ReviewTabs value="schedule" />
      <ErrorAlert error={q.error} />
      {notice && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {q.isLoading ? (
        <Loading />
      ) : (
        <>
          <Paper component="section" aria-labelledby="current-title" sx={{ p: 2.5, mb: 2 }}>
            <Typography id="current-title" variant="h2" sx={{ mb: 1 }}>
              {t('review.schedule.current')}
            </Typography>
            <Typography sx={{ fontSize: '1.1rem' }}>
              {q.data?.schedule
                ? scheduleText(q.data.schedule)
                : isAdmin
                  ? t('review.noScheduleAdmin')
                  : t('review.noSchedule')}
            </Typography>
            {q.data?.generatedUntil && (
              <Typography color="text.secondary" sx={{ mt: 0.5 }}>
                {t('review.schedule.generatedUntil', { date: formatLongDate(q.data.generatedUntil) })}
              </Typography>
            )}
            {!isAdmin && (
              <Typography color="text.secondary" sx={{ mt: 1 }}>
                {t('review.schedule.notAdmin')}
              </Typography>
            )}
          </Paper>
          {isAdmin && q.data && <ScheduleForm current={q.data.schedule} />}
        </>
      )}
      {extra && (
        <ExtraMeetingDialog
          onClose={(date) => {
            setExtra(false);
            if (date) setNotice(t('review.schedule.extraDone', { date: formatLongDate(date) }));
          }}
        />
      )}
    </>
  );
}
