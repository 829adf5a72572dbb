import type { Report } from '@buddy/metrics';
export function renderReportJson(report: Report): string {
  return JSON.stringify(report);
}
