import type { AuthContext } from '../../auth/auth-context.js';
import { toIso } from '../../common/iso.js';
import type { CandidateActionsDto, CandidateResponseDto, StageTransitionResponseDto } from './candidate.dto.js';
import type { CandidateRow, TransitionRow } from './candidate.repository.js';
import { allowedMoves, MOVERS } from './stage-rules.js';

const DAY = 86_400_000;

export function toCandidateResponse(row: CandidateRow, auth: AuthContext, now = Date.now()): CandidateResponseDto {
  const isSelf = auth.scope.kind === 'self';
  const { notes, ...rest } = row;
  return {
    ...rest,
    ...(isSelf ? {} : { notes }),
    stageEnteredAt: toIso(row.stageEnteredAt),
    daysInStage: Math.max(0, Math.floor((now - new Date(row.stageEnteredAt).getTime()) / DAY)),
    readiness: isSelf && !row.readinessShared ? null : row.readiness,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

/** What this caller may do with this candidate now; the console shows only these buttons. */
export function candidateActions(row: CandidateRow, auth: AuthContext): CandidateActionsDto {
  return {
    transitions: MOVERS.includes(auth.role) ? allowedMoves(row) : [],
    canConsent: row.stage === 'identified' && auth.role === 'educator' && auth.educatorId === row.educatorId,
    canRecordConsent: row.stage === 'identified' && auth.role === 'hr',
  };
}

export function toTransitionResponse(row: TransitionRow): StageTransitionResponseDto {
  return { ...row, actorName: row.actorName ?? 'system', createdAt: toIso(row.createdAt) };
}
