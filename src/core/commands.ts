import { isCaseId } from './case-record.js';

// Case-level commands any channel's text can carry, handled by the turn before the conversation step.

export type CaseCommand =
  | { cmd: 'status'; caseId?: string }
  | { cmd: 'cases' }
  | { cmd: 'open'; caseId: string }
  | { cmd: 'new' }
  | { cmd: 'export'; caseId?: string };

export function parseCaseCommand(text: string): CaseCommand | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = /^(status|cases|list|open|new case|new|export)(?: (\S+))?$/i.exec(t);
  if (!m?.[1]) return undefined;
  const word = m[1].toLowerCase();
  const arg = m[2]?.toUpperCase();
  if (arg !== undefined && !isCaseId(arg)) return undefined;
  switch (word) {
    case 'status':
      return arg ? { cmd: 'status', caseId: arg } : { cmd: 'status' };
    case 'cases':
    case 'list':
      return arg ? undefined : { cmd: 'cases' };
    case 'open':
      return arg ? { cmd: 'open', caseId: arg } : undefined;
    case 'export':
      return arg ? { cmd: 'export', caseId: arg } : { cmd: 'export' };
    default:
      return arg ? undefined : { cmd: 'new' };
  }
}
