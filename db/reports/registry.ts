// Every report by its CONTRACTS.md name. The CLI, the contract handlers and the tests look
// reports up here; adding a report is one module plus one line.
import type { ReportName } from '../model/reports.js';
import { activation } from './activation.js';
import { caseloadDevelopment } from './caseload-development.js';
import { caseloadPerManager } from './caseload-per-manager.js';
import { employerFollowUp } from './employer-follow-up.js';
import { exitReasons } from './exit-reasons.js';
import { halfYear } from './half-year.js';
import { inflowByReferrer } from './inflow-by-referrer.js';
import { lastingWork } from './lasting-work.js';
import type { ReportDef } from './types.js';
import { workTarget } from './work-target.js';

export const REPORTS: Record<ReportName, ReportDef> = {
  'caseload-development': caseloadDevelopment as ReportDef,
  'exit-reasons': exitReasons as ReportDef,
  'work-target': workTarget as ReportDef,
  'caseload-per-manager': caseloadPerManager as ReportDef,
  'inflow-by-referrer': inflowByReferrer as ReportDef,
  activation: activation as ReportDef,
  'employer-follow-up': employerFollowUp as ReportDef,
  'half-year': halfYear as ReportDef,
  'lasting-work': lastingWork as ReportDef,
};

export function isReportName(name: string): name is ReportName {
  return Object.hasOwn(REPORTS, name);
}
