/**
 * The chart modules' public API: pure functions `(data, size) → model` and the selection helpers that choose what
 * to draw from `PlanDocument.targets`. `svg.ts` writes a model as a standalone SVG file, which `src/components/charts/Chart.astro` shows as an image.
 */
export { baselineTarget, pairBaselineTargets } from './baseline-target.ts';
export type { BaselineTargetData, BaselineTargetModel, BaselineTargetPair, BaselineTargetPanel, SlopePoint } from './baseline-target.ts';
export { comparison, pickComparisonValues } from './comparison.ts';
export type { ComparedIndicator, ComparisonBar, ComparisonData, ComparisonExcluded, ComparisonModel } from './comparison.ts';
export { periodGroups, periodText, timeline, TIMELINE_ROWS } from './timeline.ts';
export type { TimelineData, TimelineModel, TimelinePlan, TimelineRow } from './timeline.ts';
export { trajectory, trajectoryCandidates, trajectoryPoints } from './trajectory.ts';
export type { TrajectoryData, TrajectoryModel, TrajectoryPoint, TrajectorySelection } from './trajectory.ts';
export { peers, peerValues } from './peers.ts';
export type { PeerPlan, PeersData, PeersModel, PeersPanel } from './peers.ts';
export { spread, summarize } from './spread.ts';
export type { SpreadData, SpreadModel, SpreadSummary } from './spread.ts';
export { standaloneSvg, chartMarks } from './svg.ts';
export type { AnyChartModel } from './svg.ts';
export { formatChange } from './format.ts';
export type * from './types.ts';
