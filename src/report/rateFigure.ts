/**
 * What a rate experiment's figure shows: the grid's means with their standard errors, the trend
 * the test fitted and the bound it was held to. Plain data (it crosses worker threads and the
 * audit's journal as JSON); rateChart.ts draws it.
 */
export interface RateFigure {
  /** The property's id (eps-rate, sigma-rate, ...). */
  readonly id: string;
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /** Per grid value: the mean over seeds of the plotted quantity and its standard error. */
  readonly points: readonly { readonly x: number; readonly mean: number; readonly se: number }[];
  /**
   * Log-log lines drawn through the points' geometric centre: the fitted trend (the mean
   * per-seed slope the test estimated, in the plotted quantity's terms) and the bound's (the
   * slope past which the test calls a contradiction once the seeds resolve it). Absent for the
   * eps-rate, whose test is a contrast of its two ends.
   */
  readonly slopes?: { readonly fitted: number; readonly bound: number };
  /** The eps-rate: the level R at the smallest eps is held to (growth x R at the largest), and
   *  R at the smallest eps. */
  readonly level?: { readonly bound: number; readonly label: string };
  /** One line under the figure: the test, its statistic and its critical value. */
  readonly caption: string;
}
