import type { Report } from '@buddy/metrics';
export function renderReportMarkdown(report: Report): string {
  return report.timestamp;
}
