import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import { POSITION_KINDS, type PositionKind } from '../../../shared/domain/position';
import { useCallProgress, useElapsed } from '../../api/progress';
import { formatDate, formatNumber } from '../../util/format';
import { useLabel } from '../../components';
import './i18n';

/** Which kinds of position the unit-wide suggestion covers, the button that computes it, and its progress. */
export function SuggestionRunPanel({
  kinds,
  onKinds,
  onCompute,
  running,
  computed,
  progressKey,
}: {
  kinds: PositionKind[];
  onKinds: (k: (prev: PositionKind[]) => PositionKind[]) => void;
  onCompute: () => void;
  running: boolean;
  computed: { on: string; ms: number } | null;
  progressKey: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const elapsed = useElapsed(running);
  const fraction = useCallProgress(progressKey, running);
  return (
    <Paper component="section" aria-labelledby="run-heading" sx={{ p: 2, mb: 2 }}>
      <Typography id="run-heading" component="h2" variant="h3" gutterBottom>
        {t('matching.suggestion.runTitle')}
      </Typography>
      <FormControl component="fieldset" error={kinds.length === 0}>
        <FormLabel component="legend">{t('matching.suggestion.kinds')}</FormLabel>
        <FormGroup row>
          {POSITION_KINDS.map((k) => (
            <FormControlLabel
              key={k}
              label={label('positionKind', k)}
              control={
                <Checkbox
                  checked={kinds.includes(k)}
                  onChange={(e) => onKinds((prev) => (e.target.checked ? [...prev, k] : prev.filter((x) => x !== k)))}
                />
              }
            />
          ))}
        </FormGroup>
        <FormHelperText>
          {kinds.length === 0 ? t('matching.suggestion.kindsRequired') : t('matching.suggestion.kindsHelp')}
        </FormHelperText>
      </FormControl>
      <Box sx={{ mt: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          variant="contained"
          startIcon={<PlayArrowOutlined />}
          onClick={onCompute}
          disabled={running || kinds.length === 0}
        >
          {computed ? t('matching.suggestion.recompute') : t('matching.suggestion.compute')}
        </Button>
        {computed && !running && (
          <Typography variant="body2" color="text.secondary">
            {t('matching.suggestion.computedOn', {
              date: formatDate(computed.on),
              ms: formatNumber(Math.round(computed.ms)),
            })}
          </Typography>
        )}
      </Box>
      {running && (
        <Box role="status" aria-live="polite" sx={{ mt: 2 }}>
          {fraction === null ? (
            <LinearProgress aria-hidden />
          ) : (
            <LinearProgress aria-hidden variant="determinate" value={Math.round(fraction * 100)} />
          )}
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {t('matching.suggestion.running', { seconds: elapsed })}
            {fraction === null ? '' : ` (${Math.round(fraction * 100)} %)`}
          </Typography>
        </Box>
      )}
    </Paper>
  );
}
