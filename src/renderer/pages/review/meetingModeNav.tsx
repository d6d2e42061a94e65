import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { AgendaItemUnion } from '../../../shared/contract/review';
import { DECISION_ICON, useLabel } from '../../components';
import { Kbd, KIND_COLOR } from './meetingModeParts';
import './i18n';

/** Where the meeting is: item n of total, how many are decided, and a button per item (its decision as icon). */
export function ItemProgress({
  items,
  index,
  decided,
  go,
}: {
  items: readonly AgendaItemUnion[];
  index: number;
  decided: number;
  go: (i: number) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const total = items.length;
  return (
    <Paper sx={{ px: 2.5, py: 2, mb: 2 }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'baseline',
          justifyContent: 'space-between',
          gap: 2,
          flexWrap: 'wrap',
          mb: 1,
        }}
      >
        <Typography sx={{ fontSize: '1.6rem', fontWeight: 700 }}>
          {total > 0 ? t('review.mode.progress', { n: index + 1, total }) : t('review.mode.empty')}
        </Typography>
        <Typography sx={{ fontSize: '1.1rem' }}>{t('review.mode.decidedProgress', { decided, total })}</Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={total === 0 ? 100 : (decided / total) * 100}
        aria-label={t('review.mode.decidedProgress', { decided, total })}
        sx={{ height: 10, borderRadius: 5, mb: total > 0 ? 1.5 : 0 }}
      />
      {total > 0 && (
        <Box
          component="nav"
          aria-label={t('review.mode.itemNav')}
          sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }}
        >
          {items.map((it, i) => {
            const Icon = DECISION_ICON[it.decision?.kind ?? 'none'];
            const statusText = it.decision ? label('decision', it.decision.kind) : t('review.mode.noDecision');
            return (
              <Button
                key={it.itemId}
                size="small"
                variant={i === index ? 'contained' : 'outlined'}
                color={it.decision ? KIND_COLOR[it.decision.kind] : 'primary'}
                onClick={() => go(i)}
                aria-current={i === index ? 'step' : undefined}
                aria-label={t('review.mode.itemButton', { n: i + 1, status: statusText })}
                startIcon={<Icon fontSize="small" />}
                sx={{ minWidth: 56, fontSize: '1rem' }}
              >
                {i + 1}
              </Button>
            );
          })}
        </Box>
      )}
    </Paper>
  );
}

/** Previous and next item, with their keyboard shortcuts. */
export function ItemStepper({ index, total, go }: { index: number; total: number; go: (i: number) => void }) {
  const { t } = useTranslation();
  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 2,
        flexWrap: 'wrap',
        mt: 2,
      }}
    >
      <Button
        size="large"
        variant="outlined"
        disabled={index === 0}
        onClick={() => go(index - 1)}
        aria-keyshortcuts="ArrowLeft"
        sx={{ fontSize: '1.15rem' }}
      >
        {t('review.mode.previous')}
        <Kbd>←</Kbd>
      </Button>
      <Typography color="text.secondary" sx={{ textAlign: 'center' }}>
        <Box component="span" sx={{ fontWeight: 600 }}>
          {t('review.mode.shortcuts')}:
        </Box>{' '}
        {t('review.mode.shortcutList')}
      </Typography>
      <Button
        size="large"
        variant="contained"
        disabled={index >= total - 1}
        onClick={() => go(index + 1)}
        aria-keyshortcuts="ArrowRight"
        sx={{ fontSize: '1.15rem' }}
      >
        {t('review.mode.next')}
        <Kbd>→</Kbd>
      </Button>
    </Box>
  );
}
