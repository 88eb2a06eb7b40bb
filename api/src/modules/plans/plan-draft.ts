import type { ProfileEntry } from '../readiness/profile-loader.js';

export const PLAN_ACTION_KINDS = ['opportunity', 'mentor_conversation', 'reflection', 'other'] as const;
export type PlanActionKind = (typeof PLAN_ACTION_KINDS)[number];
export const PLAN_ACTION_OWNERS = ['candidate', 'coordinator', 'mentor'] as const;
export type PlanActionOwner = (typeof PLAN_ACTION_OWNERS)[number];

/** An opportunity of the catalogue that develops some competencies and still has a seat. */
export interface OpenOpportunity {
  id: string;
  title: string;
  competencyIds: string[];
  seatsLeft: number;
  /** YYYY-MM-DD or null. */
  endsOn: string | null;
}

export interface DraftAction {
  competencyId: string | null;
  kind: PlanActionKind;
  opportunityId: string | null;
  description: string;
  owner: PlanActionOwner;
  dueOn: string | null;
}

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The proposed actions for a candidate's gaps, largest gap first (targets without evidence after those with
 * one): each gap gets the opportunity with a seat that develops it (fewest competencies first, so the most
 * focused; the coordinator assigns it), else a conversation with a mentor; every gap also gets a reflection
 * the candidate writes. Opportunities already proposed for another gap are not proposed twice.
 */
export function draftActions(profile: ProfileEntry[], opportunities: OpenOpportunity[], today: Date): DraftAction[] {
  const gaps = profile
    .filter((t) => t.gap === null || t.gap > 0)
    .sort((a, b) => (b.gap ?? -1) - (a.gap ?? -1) || a.code.localeCompare(b.code));
  const used = new Set<string>();
  const inDays = (n: number) => isoDay(new Date(today.getTime() + n * DAY));
  const actions: DraftAction[] = [];
  for (const [i, t] of gaps.entries()) {
    const name = `${t.code} ${t.title}`;
    const opportunity = opportunities
      .filter((o) => o.seatsLeft > 0 && o.competencyIds.includes(t.competencyId) && !used.has(o.id))
      .sort((a, b) => a.competencyIds.length - b.competencyIds.length || a.title.localeCompare(b.title))[0];
    // Spread over the months ahead, so the plan is not due all at once.
    const due = inDays(60 + 30 * i);
    if (opportunity) {
      used.add(opportunity.id);
      actions.push({
        competencyId: t.competencyId,
        kind: 'opportunity',
        opportunityId: opportunity.id,
        description: `Take part in "${opportunity.title}" to develop ${name}`,
        owner: 'coordinator',
        dueOn: opportunity.endsOn && opportunity.endsOn > inDays(0) ? opportunity.endsOn : due,
      });
    } else {
      actions.push({
        competencyId: t.competencyId,
        kind: 'mentor_conversation',
        opportunityId: null,
        description: `Talk with your mentor about ${name}: where they have seen it done well, and a first step to try`,
        owner: 'candidate',
        dueOn: due,
      });
    }
    actions.push({
      competencyId: t.competencyId,
      kind: 'reflection',
      opportunityId: null,
      description:
        t.gap === null
          ? `Reflect on ${name}: a time you practised it, and what it showed you`
          : `Reflect on ${name}: what you tried since the last evidence, and what changed`,
      owner: 'candidate',
      dueOn: inDays(30 + 30 * i),
    });
  }
  return actions;
}
