import { describe, expect, it } from 'vitest';
import type { CandidateReply, ImportCandidate } from '../../../shared/ipc/contract';
import { receiveCandidate } from '../../../renderer/plan/receive-candidate';
import { candidateFor, planObject } from './plan-candidates';

// Main forwards a valid plan from the file reader as the bytes of its JSON; the renderer parses it.

function asSent(candidate: ImportCandidate, planJson: Uint8Array): CandidateReply {
  if (candidate.outcome.status !== 'valid') throw new Error('fixture not valid');
  const { plan: _plan, ...rest } = candidate.outcome;
  return { ...candidate, outcome: { ...rest, planJson } };
}

describe('receiveCandidate', () => {
  it('parses a plan sent as bytes into the candidate main would have sent as objects', () => {
    const candidate = candidateFor(planObject());
    if (candidate.outcome.status !== 'valid') throw new Error('fixture not valid');
    const sent = asSent(candidate, new TextEncoder().encode(JSON.stringify(candidate.outcome.plan)));
    expect(receiveCandidate(sent)).toEqual(candidate);
  });

  it('passes every other candidate through unchanged', () => {
    const candidate = candidateFor(planObject());
    expect(receiveCandidate(candidate)).toEqual(candidate);
    const invalid: ImportCandidate = { ...candidate, outcome: { status: 'invalid', errors: [{ path: 'x', message: 'y' }], warnings: [] } };
    expect(receiveCandidate(invalid)).toEqual(invalid);
  });

  it.each([
    ['truncated JSON', new TextEncoder().encode('{"format":"oversight-plan",')],
    ['bytes that are not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
    ['JSON that is not an object', new TextEncoder().encode('[1,2,3]')],
  ])('refuses %s with a located message, so nothing is stored', (_name, bytes) => {
    const candidate = candidateFor(planObject(), 'Q3.plan.json');
    const received = receiveCandidate(asSent(candidate, bytes));
    expect(received.outcome).toEqual({
      status: 'invalid',
      errors: [{ path: 'Q3.plan.json', message: expect.stringContaining('could not be taken from the file reader') }],
      warnings: [],
    });
  });
});
