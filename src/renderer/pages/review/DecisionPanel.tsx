import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { AgendaItemUnion, DecisionInput } from '../../../shared/contract/review';
import type { DecisionKind } from '../../../shared/domain/review';
import { useRpcMutation } from '../../api/hooks';
import { DECISION_ICON, ErrorAlert, useLabel } from '../../components';
import { DecisionForm, valuesFrom } from './DecisionForm';
import './i18n';

import { DecisionSummary, KIND_COLOR, KIND_KEYS, Kbd } from './meetingModeParts';

/** The decision panel: what is recorded, and for the union the three decisions with their shortcuts. */
export function DecisionPanel({
  item,
  meetingId,
  canDecide,
  active,
  setActive,
}: {
  item: AgendaItemUnion;
  meetingId: number;
  canDecide: boolean;
  active: DecisionKind | null;
  setActive: (k: DecisionKind | null) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const record = useRpcMutation('review.recordDecision', { invalidates: ['review.'] });
  const clear = useRpcMutation('review.clearDecision', { invalidates: ['review.'] });
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    setSaved(null);
    record.reset();
    clear.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item.itemId]);
  const d = item.decision;
  const save = (input: DecisionInput) =>
    record.mutate(
      { meetingId, proposalId: item.proposalId, decision: input },
      {
        onSuccess: (r) => {
          setActive(null);
          setSaved(t('review.mode.saved', { label: r.decision ? label('decision', r.decision.kind) : '' }));
        },
      },
    );
  const kinds: DecisionKind[] = ['approve', 'veto', 'defer'];
  return (
    <Paper
      component="section"
      aria-labelledby="decision-title"
      sx={{ p: { xs: 2, md: 3 }, position: { lg: 'sticky' }, top: { lg: 80 } }}
    >
      <Typography id="decision-title" variant="h2" sx={{ fontSize: '1.5rem', mb: 2 }}>
        {t('review.mode.decision')}
      </Typography>
      <ErrorAlert error={record.error ?? clear.error} />
      <Box role="status" aria-live="polite">
        {saved && (
          <Alert severity="success" sx={{ mb: 2 }}>
            {saved}
          </Alert>
        )}
      </Box>
      {d ? (
        <Box sx={{ mb: 2.5 }}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5, fontWeight: 600 }}>
            {t('review.mode.currentDecision')}
          </Typography>
          <DecisionSummary d={d} draft={!d.final} />
          {canDecide && !d.final && active === null && (
            <Button
              size="small"
              sx={{ mt: 1 }}
              disabled={clear.isPending}
              onClick={() => clear.mutate({ meetingId, proposalId: item.proposalId })}
            >
              {t('review.mode.clear')}
            </Button>
          )}
        </Box>
      ) : (
        <Typography color="text.secondary" sx={{ mb: 2.5, fontSize: '1.1rem' }}>
          {t('review.mode.noDecision')}
        </Typography>
      )}
      {canDecide ? (
        <>
          <Stack
            direction={{ xs: 'column', sm: 'row', lg: 'column', xl: 'row' }}
            spacing={1.5}
            sx={{ mb: active ? 2.5 : 0 }}
          >
            {kinds.map((k) => {
              const Icon = DECISION_ICON[k];
              return (
                <Button
                  key={k}
                  variant={active === k || (active === null && d?.kind === k) ? 'contained' : 'outlined'}
                  color={KIND_COLOR[k]}
                  size="large"
                  startIcon={<Icon />}
                  aria-keyshortcuts={KIND_KEYS[k]}
                  aria-pressed={active === k}
                  onClick={() => setActive(active === k ? null : k)}
                  sx={{ fontSize: '1.2rem', py: 1.25, flex: 1, justifyContent: 'center' }}
                >
                  {t(`review.mode.${k}`)}
                  <Kbd>{KIND_KEYS[k]}</Kbd>
                </Button>
              );
            })}
          </Stack>
          {active && (
            <DecisionForm
              key={`${item.itemId}-${active}`}
              kind={active}
              initial={valuesFrom(d && d.kind === active ? d : null)}
              busy={record.isPending}
              onSave={save}
              onCancel={() => setActive(null)}
              large
              idPrefix={`decision-${item.itemId}`}
            />
          )}
        </>
      ) : (
        <Alert severity="info" sx={{ fontSize: '1.05rem' }}>
          {t('review.mode.deciderOnly')}
        </Alert>
      )}
    </Paper>
  );
}
