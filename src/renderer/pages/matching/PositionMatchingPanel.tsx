import { useTranslation } from 'react-i18next';
import type { Position } from '../../../shared/domain/position';
import { Section } from '../../components';
import { CandidatesForPosition } from './CandidatesForPosition';
import { ProposalsTable } from './ProposalsTable';
import './i18n';

/**
 * What matching shows on a position's page (contributed through the section table to 'position.detail'): the
 * ranked candidates and the position's proposals.
 */
export function PositionMatchingPanel({ position: p }: { position: Position }) {
  const { t } = useTranslation();
  return (
    <>
      <CandidatesForPosition position={p} />
      <Section id="proposals-heading" title={t('matching.proposals.forPosition')}>
        <ProposalsTable
          positionId={p.id}
          showPeriod={p.periods.length > 0}
          ariaLabel={t('matching.proposals.forPositionLabel', { title: p.title })}
          emptyText={t('matching.proposals.emptyPosition')}
        />
      </Section>
    </>
  );
}
