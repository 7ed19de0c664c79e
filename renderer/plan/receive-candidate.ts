import type { CandidateReply, ImportCandidate } from '../../shared/ipc/contract';
import type { PlanFile } from '../../shared/plan/schema';

/**
 * Turns a candidate as main sent it into one the store takes. A valid plan read by the file
 * reader arrives as the UTF-8 bytes of its JSON (main never parses it, so a large plan cannot
 * hold up main's event loop) and is parsed here, one candidate at a time, just before it is stored:
 * in the import worker (renderer/plan/serve-imports.ts), or in the window where there is none.
 */
export function receiveCandidate(reply: CandidateReply): ImportCandidate {
  const { outcome } = reply;
  if (!('planJson' in outcome)) return { ...reply, outcome };
  const { planJson, ...rest } = outcome;
  try {
    // The file reader validated this plan against the full schema before encoding it.
    const plan = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(planJson)) as unknown;
    if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) throw new Error('it is not a JSON object');
    return { ...reply, outcome: { ...rest, plan: plan as PlanFile } };
  } catch (error) {
    return {
      ...reply,
      outcome: {
        status: 'invalid',
        errors: [
          {
            path: reply.fileName,
            message: `The plan read from ${reply.fileName} could not be taken from the file reader (${error instanceof Error ? error.message : String(error)}). Nothing was stored; import the file again.`,
          },
        ],
        warnings: rest.warnings,
      },
    };
  }
}
