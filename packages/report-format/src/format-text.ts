import type { Report } from '@buddy/metrics';
export interface RenderReportOptions {
  color?: boolean;
  width?: number;
}
export function renderReportBlock(report: Report, options: RenderReportOptions = {}): string {
  return `${report.timestamp}${String(options)}`;
}
