import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import EventRepeatOutlined from '@mui/icons-material/EventRepeatOutlined';
import {
  PLACEMENT_KINDS,
  STAGES,
  type ListSortField,
  type ParticipantListInput,
  type PlacementKind,
  type Stage,
} from '../../../shared/domain/participant';
import { useRpcQuery } from '../../api/hooks';
import { formatNumber } from '../../util/format';
import { paths } from '../../app/paths';
import { DataTable, ErrorAlert, PageHeader, useGridState, useSearchText } from '../../components';
import { SORTABLE, useParticipantColumns } from './listColumns';
import { ParticipantFilters, StageCounts } from './listFilters';
import './i18n';

const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);
const isKind = (s: string): s is PlacementKind => (PLACEMENT_KINDS as readonly string[]).includes(s);

/** Every participant: counts per stage, search and filters, the paged list (order, page and filters in the address). */
export function ParticipantListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const grid = useGridState<ListSortField>({ sortable: SORTABLE, defaultSort: { column: 'name' } });
  const [searchText, setSearchText] = useSearchText(grid);
  const f = grid.filter;
  const stages = f('steg').split(',').filter(isStage);
  const coordinator = f('koordinator');
  const kind = f('onskemal');

  const input: ParticipantListInput = {
    ...(f('q') ? { search: f('q') } : {}),
    ...(stages.length ? { stages } : {}),
    ...(f('stadsdel') ? { district: f('stadsdel') } : {}),
    ...(coordinator === 'none' ? { coordinatorId: null } : coordinator ? { coordinatorId: Number(coordinator) } : {}),
    ...(f('langvarigt') ? { longTermRecipient: f('langvarigt') === 'ja' } : {}),
    ...(f('barn') ? { hasChildren: f('barn') === 'ja' } : {}),
    ...(isKind(kind) ? { wishedKind: kind } : {}),
    sort: grid.sortBy ?? 'name',
    direction: grid.direction,
    offset: grid.offset,
    limit: grid.limit,
  };
  const list = useRpcQuery('participants.list', input, { placeholderData: (prev) => prev });
  const columns = useParticipantColumns();

  return (
    <>
      <PageHeader
        title={t('participants.list.title')}
        lead={t('participants.list.lead')}
        actions={
          <>
            <Button component={RouterLink} to={paths.followUps} startIcon={<EventRepeatOutlined />}>
              {t('participants.list.followUps')}
            </Button>
            <Button
              component={RouterLink}
              to={paths.referralImport}
              variant="outlined"
              startIcon={<UploadFileOutlined />}
            >
              {t('participants.list.import')}
            </Button>
            <Button
              component={RouterLink}
              to={paths.newParticipant}
              variant="contained"
              startIcon={<PersonAddOutlined />}
            >
              {t('participants.list.newParticipant')}
            </Button>
          </>
        }
      />

      <StageCounts
        counts={list.data?.stageCounts}
        selected={stages}
        onChange={(next) => grid.setFilter('steg', next.length ? next.join(',') : null)}
      />

      <ParticipantFilters grid={grid} searchText={searchText} onSearchText={setSearchText} />

      <ErrorAlert error={list.error} />
      <Typography role="status" aria-live="polite" sx={{ mb: 1, color: 'text.secondary' }}>
        {list.data ? t('participants.list.count', { formatted: formatNumber(list.data.total) }) : '\u00a0'}
      </Typography>
      <DataTable
        label={t('participants.list.gridLabel')}
        rows={list.data?.rows}
        columns={columns}
        state={grid}
        server
        total={list.data?.total}
        loading={list.isFetching}
        initialState={{ columns: { columnVisibilityModel: { ref: false, coordinator: false } } }}
        onRowClick={(p) => void navigate(paths.participant(Number(p.id)))}
        empty={t('participants.list.emptyAll')}
        emptyFiltered={t('participants.list.empty')}
        sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .MuiDataGrid-cell': { minHeight: 52 } }}
      />
    </>
  );
}
