import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { DashboardCoverage } from '../pages/CoverageFigure';
import type { DashboardFilters } from './api';
import {
  EquityFigure,
  HeatmapFigure,
  NominationKindFigure,
  NominationSchoolFigure,
  OpportunityFigure,
} from './PeopleFigures';
import { BenchFigure, ExitsFigure, FunnelFigure, TimeInStageFigure } from './PipelineFigures';
import type { DashboardData } from './useDashboardData';

const Wide = ({ children }: { children: ReactNode }) => <Box sx={{ gridColumn: '1 / -1' }}>{children}</Box>;

/** Every figure; the funnel and exits side by side on wide screens, the figures with wide tables full width. */
export function DashboardFigures({
  data,
  filters,
  dimension,
  onDimension,
  canEquity,
  print,
}: {
  data: DashboardData;
  filters: DashboardFilters;
  dimension: string;
  onDimension?: (d: string) => void;
  canEquity: boolean;
  print?: boolean;
}) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: print ? '1fr' : { xs: '1fr', lg: '1fr 1fr' },
        gap: 2,
        mt: 2,
        '& > *': { minWidth: 0 },
      }}
    >
      <FunnelFigure loaded={data.funnel} filters={filters} print={print} />
      <ExitsFigure loaded={data.funnel} print={print} />
      <Wide>
        <TimeInStageFigure loaded={data.time} print={print} />
      </Wide>
      <Wide>
        <BenchFigure loaded={data.bench} print={print} />
      </Wide>
      <Wide>
        <DashboardCoverage print={print} />
      </Wide>
      <Wide>
        <HeatmapFigure loaded={data.heatmap} print={print} />
      </Wide>
      <Wide>
        <NominationKindFigure loaded={data.nominations} print={print} />
      </Wide>
      <Wide>
        <NominationSchoolFigure loaded={data.nominations} print={print} />
      </Wide>
      <Wide>
        <OpportunityFigure loaded={data.opportunities} print={print} />
      </Wide>
      {canEquity && (
        <Wide>
          <EquityFigure loaded={data.equity} dimension={dimension} onDimension={onDimension} print={print} />
        </Wide>
      )}
    </Box>
  );
}
