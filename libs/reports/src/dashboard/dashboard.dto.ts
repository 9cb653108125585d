import { ApiProperty } from '@nestjs/swagger';
import { AtRiskFellowView } from '../progress/progress.dto';

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
  @ApiProperty({ type: [AtRiskFellowView] }) atRisk: AtRiskFellowView[];
}
