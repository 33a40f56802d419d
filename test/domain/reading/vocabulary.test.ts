import { describe, expect, it } from 'vitest';
import {
  CLAIM_YES,
  CONFIRM_NO,
  commandWords,
  isCaseListCommand,
  isNo,
  isRestartCommand,
  isYes,
} from '../../../src/domain/reading/vocabulary.js';

// The words every channel reads the same way (one home: domain/reading/vocabulary.ts).

describe('vocabulary', () => {
  it('reads a command as typed: case, spaces and a closing "." or "!" do not matter', () => {
    expect(commandWords('  Start Over!! ')).toBe('start over');
    expect(isRestartCommand('Restart.')).toBe(true);
    expect(isRestartCommand('reset')).toBe(true);
    expect(isRestartCommand('restart the case')).toBe(false);
  });

  it('"list" and "cases" alone list the cases', () => {
    expect(isCaseListCommand('cases')).toBe(true);
    expect(isCaseListCommand('LIST')).toBe(true);
    expect(isCaseListCommand('cases IPC-0001')).toBe(false);
    expect(isCaseListCommand('list my cases')).toBe(false);
  });

  it('yes and no to a channel’s own question', () => {
    expect(isYes('Yes please.')).toBe(true);
    expect(isYes('ok')).toBe(true);
    expect(isNo('keep it open')).toBe(true);
    expect(isYes('no')).toBe(false);
    expect(isNo('yes')).toBe(false);
  });

  it('yes and no to the step’s own prompts, in English and Chinese', () => {
    expect(CLAIM_YES.test('that is right')).toBe(true);
    expect(CLAIM_YES.test('对')).toBe(true);
    expect(CONFIRM_NO.test('保持')).toBe(true);
  });
});
