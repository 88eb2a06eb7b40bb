import type { Role } from '../../auth/permissions.js';
import type { ActiveStage, Stage } from './stages.js';
import { ACTIVE_STAGES } from './stages.js';

/** A move the transitions route may make now, and what it needs. */
export interface AllowedMove {
  to: Stage;
  reasonRequired: boolean;
  /** Exiting also needs one of EXIT_REASONS. */
  exitReasonRequired: boolean;
}

export interface StageState {
  stage: Stage;
  pausedFrom: ActiveStage | null;
}

/** Roles that move candidates through the transitions route (PRODUCT.md §2). */
export const MOVERS: readonly Role[] = ['hr', 'coordinator'];

const nextOf = (s: ActiveStage): ActiveStage | undefined => ACTIVE_STAGES[ACTIVE_STAGES.indexOf(s) + 1];
const previousOf = (s: ActiveStage): ActiveStage | undefined => ACTIVE_STAGES[ACTIVE_STAGES.indexOf(s) - 1];

/**
 * The moves the transitions route allows from a state. `identified → engaged` is the nominee's consent
 * and `ready → placed` is a placement into a position, so neither is offered here.
 */
export function allowedMoves(state: StageState): AllowedMove[] {
  const moves: AllowedMove[] = [];
  const add = (to: Stage, reasonRequired: boolean, exitReasonRequired = false) =>
    moves.push({ to, reasonRequired, exitReasonRequired });
  if (state.stage === 'exited') {
    add('identified', true);
    return moves;
  }
  if (state.stage === 'paused') {
    if (state.pausedFrom) add(state.pausedFrom, false);
    add('exited', true, true);
    return moves;
  }
  const stage = state.stage;
  const next = nextOf(stage);
  if (next && stage !== 'identified' && stage !== 'ready') add(next, false);
  const previous = previousOf(stage);
  if (previous) add(previous, true);
  add('paused', true);
  add('exited', true, true);
  return moves;
}

/** Why a move outside allowedMoves is refused, in words a person can act on. */
export function refusalFor(state: StageState, to: Stage): string {
  const allowed = allowedMoves(state).map((m) => m.to);
  const list = allowed.length ? allowed.join(', ') : 'none';
  if (state.stage === 'identified' && to === 'engaged') {
    return `identified → engaged happens when the nominee accepts (POST /api/candidates/{id}/consent); allowed moves now: ${list}`;
  }
  if (to === 'placed')
    return `a candidate is placed by filling a position (POST /api/positions/{id}/placement); allowed moves now: ${list}`;
  if (to === state.stage) return `the candidate is already ${to}; allowed moves now: ${list}`;
  return `${state.stage} → ${to} is not allowed; allowed moves now: ${list}`;
}

/** Why placement into a position is refused for this state, or null: only a `ready` candidate is placed. */
export function placementRefusal(state: StageState): string | null {
  if (state.stage === 'ready') return null;
  if (state.stage === 'placed' || state.stage === 'supported') return `the candidate is already ${state.stage}`;
  return `the candidate is ${state.stage}; only a candidate in ready can be placed`;
}
