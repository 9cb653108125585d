import { ApiProperty } from '@nestjs/swagger';
import { AtRiskView } from '../progress/progress.dto';

/** Fellows on the dashboard's first page of the at-risk list (the web asks `/at-risk` for the next ones). */
export const DASHBOARD_AT_RISK_PAGE_SIZE = 10;

export class FunnelView {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byStatus: Record<string, number>;
  @ApiProperty() started: number;
  @ApiProperty() submitted: number;
  @ApiProperty() reviewed: number;
  @ApiProperty() offered: number;
  @ApiProperty() accepted: number;
  @ApiProperty() fellows: number;
}

export class CompositionItem {
  @ApiProperty() key: string;
  @ApiProperty() fellows: number;
}

export class WeekView {
  @ApiProperty({ description: 'Monday of the week' }) week: string;
  @ApiProperty({ description: 'Milestones due by the end of the week, cumulative' }) due: number;
  @ApiProperty({ description: 'Milestones approved by the end of the week, cumulative' }) approved: number;
}

export class MonthView {
  @ApiProperty({ example: '2027-10' }) month: string;
  @ApiProperty() sessions: number;
  @ApiProperty() confirmed: number;
  @ApiProperty() hours: number;
}

export class DashboardView {
  @ApiProperty() today: string;
  @ApiProperty({ type: FunnelView }) funnel: FunnelView;
  @ApiProperty({
    description: 'Fellows by hub (its code), region, sector and gender (codes; the vocabulary names them)',
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/CompositionItem' } },
  })
  composition: Record<string, CompositionItem[]>;
  @ApiProperty({ type: [WeekView] }) milestonesByWeek: WeekView[];
  @ApiProperty({ type: [MonthView] }) sessionsByMonth: MonthView[];
  @ApiProperty({
    type: AtRiskView,
    description: `The first page of the at-risk fellows (${DASHBOARD_AT_RISK_PAGE_SIZE} a page; the next from GET …/at-risk?page=2&pageSize=${DASHBOARD_AT_RISK_PAGE_SIZE})`,
  })
  atRisk: AtRiskView;
}
