import { describe, expect, it } from 'vitest';
import { parseCaseCommand } from '../../../src/domain/conversation/commands.js';

describe('parseCaseCommand', () => {
  it.each([
    ['status', { cmd: 'status' }],
    ['status ipc-0042', { cmd: 'status', caseId: 'IPC-0042' }],
    ['cases', { cmd: 'cases' }],
    ['open IPC-0042', { cmd: 'open', caseId: 'IPC-0042' }],
    ['export', { cmd: 'export' }],
    ['close', { cmd: 'close', confirmed: false }],
    ['Close case.', { cmd: 'close', confirmed: false }],
    ['close IPC-0042', { cmd: 'close', caseId: 'IPC-0042', confirmed: false }],
    ['close ipc-0042 yes', { cmd: 'close', caseId: 'IPC-0042', confirmed: true }],
    ['close yes', { cmd: 'close', confirmed: true }],
    ['draft', { cmd: 'draft' }],
    ['drafts', { cmd: 'draft' }],
    ['draft dispute', { cmd: 'draft', kind: 'dispute_reply' }],
    ['show me the draft reply', undefined],
    ['draft the dispute reply', { cmd: 'draft', kind: 'dispute_reply' }],
    ['draft note', { cmd: 'draft', kind: 'lawyer_escalation' }],
    ['draft lawyer note IPC-0042', { cmd: 'draft', caseId: 'IPC-0042', kind: 'lawyer_escalation' }],
    ['draft IPC-0042 retraction request', { cmd: 'draft', caseId: 'IPC-0042', kind: 'retraction_request' }],
    ['draft reply', { cmd: 'draft', kind: 'dispute_reply' }],
    ['draft retraction reply', { cmd: 'draft', kind: 'retraction_request' }],
    ['draft invoice', { cmd: 'draft', unknown: 'invoice' }],
    ['draft dispute note', { cmd: 'draft', unknown: 'dispute note' }],
  ])('%s', (text, expected) => {
    expect(parseCaseCommand(text)).toEqual(expected);
  });

  it('leaves sentences for the conversation', () => {
    expect(parseCaseCommand('close to their design, but not the same')).toBeUndefined();
    expect(parseCaseCommand('close IPC-0042 now please')).toBeUndefined();
    expect(parseCaseCommand('draft a reply that says we never sold it to anyone')).toBeUndefined();
    expect(parseCaseCommand('status of the listing')).toBeUndefined();
  });
});
