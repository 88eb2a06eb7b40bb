import type { Condition, SpecialCase } from '../../src/auth/authorization-doc.js';
import { ROLES as ROLE_LIST, type Role } from '../../src/auth/permissions.js';
import type { Stage } from '../../src/modules/candidates/stages.js';
import type { TestApp } from '../test-app.js';

/** Which record a probe names: a matrix condition, or a case only an exception speaks of. */
export type Slot = Exclude<Condition, 'noToken' | 'expiredToken'> | SpecialCase;
export type Slots = Partial<Record<Slot, string[]>>;

/** The roles signed in for the matrix, plus district B's hr (who reads B's records to build bodies). */
export type Actor = Role | 'hrB';

export interface MatrixFixture {
  districtA: string;
  districtB: string;
  users: Record<Actor, { id: string; email: string }>;
  /** Per resource (first path segment): the records each slot names, from the point of view of A's roles. */
  slots: Record<string, Slots>;
  /** Nominations by who made them, for the withdrawal route (nominator scope). */
  nominator: Partial<Record<Role, Slots>>;
  /** Notifications by whom they were sent to (recipient scope): each role's own and others'. */
  recipient: Partial<Record<Role, Slots>>;
  /** Nominations each role made of someone outside their scope (exception X4). */
  madeByCaller: Partial<Record<Role, string[]>>;
  /** The district owning each record id ('A' for the shared reference ones, which A's roles read). */
  owner: Map<string, 'A' | 'B'>;
  /** Every id of district B's rows (any table) and B's educators' emails: none may reach A's roles. */
  bIds: string[];
  bMarkers: string[];
  /** Educator id → email, to find rows in the CSV export. */
  emailOf: Map<string, string>;
  ids: Record<
    | 'A1'
    | 'A2'
    | 'B1'
    | 'B2'
    | 'roleA'
    | 'roleB'
    | 'FA'
    | 'FB'
    | 'faC1'
    | 'faC2'
    | 'fbC1'
    | 'refC1'
    | 'refC2'
    | 'oppA1'
    | 'oppB'
    | 'candE'
    | 'candG'
    | 'asgProbe'
    | 'posA1'
    | 'reviewOwn'
    | 'E'
    | 'F'
    | 'N'
    | 'G'
    | 'principalA2',
    string
  >;
}

const PATH: { to: Stage; daysAgo: number }[] = [
  { to: 'engaged', daysAgo: 20 },
  { to: 'developing', daysAgo: 10 },
];

/**
 * Two districts: A with schools A1 and A2, B with B1 and B2. In A: the educator E (signed in, a candidate)
 * and the colleague C at A1, F at A2; in B: G at B1 and H at B2. Each person has a candidacy, evidence, an
 * assignment and a nomination, so every people route has a record of the caller's own, a colleague's,
 * another school's and another district's.
 */
export async function buildMatrixFixture(t: TestApp): Promise<MatrixFixture> {
  const f = t.factories;
  const dA = (await f.createDistrict({ name: 'Alpha District' })).id;
  const dB = (await f.createDistrict({ name: 'Bravo District' })).id;
  const school = async (districtId: string, name: string) => (await f.createSchool({ districtId, name })).id;
  const A1 = await school(dA, 'Alpha One High');
  const A2 = await school(dA, 'Alpha Two Middle');
  const B1 = await school(dB, 'Bravo One High');
  const B2 = await school(dB, 'Bravo Two Middle');

  const hr = await f.createUser({ role: 'hr', districtId: dA });
  const superintendent = await f.createUser({ role: 'superintendent', districtId: dA });
  const coordinator = await f.createUser({ role: 'coordinator', districtId: dA });
  const principal = await f.createUser({ role: 'principal', districtId: dA, schoolIds: [A1] });
  const principalA2 = await f.createUser({ role: 'principal', districtId: dA, schoolIds: [A2] });
  const platform = await f.createUser({ role: 'platform_admin' });
  const hrPendingA = await f.createUser({ role: 'hr', districtId: dA, password: null });
  const hrB = await f.createUser({ role: 'hr', districtId: dB });
  const hrPendingB = await f.createUser({ role: 'hr', districtId: dB, password: null });
  const { educator: E, user: eUser } = await f.createEducatorUser({ districtId: dA, schoolId: A1 });
  const C = await f.createEducator({ districtId: dA, schoolId: A1 });
  const F = await f.createEducator({ districtId: dA, schoolId: A2 });
  const G = await f.createEducator({ districtId: dB, schoolId: B1 });
  const H = await f.createEducator({ districtId: dB, schoolId: B2 });
  const I = await f.createEducator({ districtId: dB, schoolId: B1 });

  const roleA = (await f.createLeadershipRole({ districtId: dA, title: 'Assistant principal' })).id;
  const roleB = (await f.createLeadershipRole({ districtId: dB, title: 'Assistant principal' })).id;
  // One open nomination per person and role: the nominators' own ones target other roles.
  const roleDean = (await f.createLeadershipRole({ districtId: dA, title: 'Dean' })).id;
  const roleCoach = (await f.createLeadershipRole({ districtId: dA, title: 'Instructional coach' })).id;

  const REF = (await f.createFramework({ districtId: null, title: 'Shared reference' })).id;
  const refC1 = (await f.createCompetency({ frameworkId: REF })).id;
  const refC2 = (await f.createCompetency({ frameworkId: REF })).id;
  const FA = (await f.createFramework({ districtId: dA, title: 'Alpha standards' })).id;
  const faC1 = (await f.createCompetency({ frameworkId: FA })).id;
  const faC2 = (await f.createCompetency({ frameworkId: FA })).id;
  const FB = (await f.createFramework({ districtId: dB, title: 'Bravo standards' })).id;
  const fbC1 = (await f.createCompetency({ frameworkId: FB })).id;
  const linkId = async (from: string, to: string, kind: 'exact' | 'related', districtId: string | null) => {
    await f.link(from, to, kind, districtId);
    const [row]: { id: string }[] = await t.db.query(
      `SELECT id FROM crosswalk_links WHERE from_id = $1 AND to_id = $2`,
      [from, to],
    );
    return row!.id;
  };
  const linkA = await linkId(faC1, refC1, 'exact', dA);
  const linkB = await linkId(fbC1, refC1, 'exact', dB);
  const linkShipped = await linkId(refC1, refC2, 'related', null);
  await t.db.query(`INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 3), ($3, $4, 3)`, [
    roleA,
    faC1,
    roleB,
    fbC1,
  ]);

  const people = { E: E.id, C: C.id, F: F.id, G: G.id, H: H.id, I: I.id };
  const districtOf = (p: keyof typeof people) => (p === 'G' || p === 'H' || p === 'I' ? dB : dA);
  const cand: Record<string, string> = {};
  for (const p of Object.keys(people) as (keyof typeof people)[]) {
    const districtId = districtOf(p);
    cand[p] = (
      await f.createCandidate({ districtId, educatorId: people[p], roleId: districtId === dA ? roleA : roleB }, PATH)
    ).id;
  }
  const ev: Record<string, string> = {};
  for (const p of Object.keys(people) as (keyof typeof people)[]) {
    const a = districtOf(p) === dA;
    ev[p] = (
      await f.createEvidence({
        districtId: districtOf(p),
        candidateId: cand[p]!,
        competencyId: a ? faC1 : fbC1,
        recorderUserId: a ? hr.id : hrB.id,
      })
    ).id;
  }
  const opp = async (districtId: string, host: string, competency: string) =>
    (await f.createOpportunity({ districtId, hostSchoolId: host, seats: 20 }, [competency])).id;
  const oppA1 = await opp(dA, A1, faC1);
  const oppA2 = await opp(dA, A2, faC1);
  const oppB = await opp(dB, B1, fbC1);
  const oppB2 = await opp(dB, B2, fbC1);
  const asg: Record<string, string> = {};
  const oppOf: Record<string, string> = { E: oppA1, C: oppA2, F: oppA2, G: oppB, H: oppB2, I: oppB };
  for (const p of Object.keys(people) as (keyof typeof people)[]) {
    const a = districtOf(p) === dA;
    asg[p] = (
      await f.createAssignment({
        districtId: districtOf(p),
        opportunityId: oppOf[p]!,
        candidateId: cand[p]!,
        assignedByUserId: a ? hr.id : hrB.id,
      })
    ).id;
  }
  // Interests on opportunities of their own, so the matrix's own POST/DELETE of interest leave them alone.
  const interestOpp = await opp(dA, A1, faC1);
  const interestOppB = await opp(dB, B1, fbC1);
  const interest = async (districtId: string, opportunityId: string, educatorId: string) =>
    (
      (await t.db.query(
        `INSERT INTO opportunity_interests (district_id, opportunity_id, educator_id) VALUES ($1, $2, $3) RETURNING id`,
        [districtId, opportunityId, educatorId],
      )) as { id: string }[]
    )[0]!.id;
  const intr = {
    E: await interest(dA, interestOpp, E.id),
    C: await interest(dA, interestOpp, C.id),
    F: await interest(dA, interestOpp, F.id),
    G: await interest(dB, interestOppB, G.id),
    H: await interest(dB, interestOppB, H.id),
  };
  const credential = async (districtId: string, educatorId: string) =>
    (
      (await t.db.query(
        `INSERT INTO career_credentials (district_id, educator_id, kind, title) VALUES ($1, $2, 'licence', 'Matrix licence') RETURNING id`,
        [districtId, educatorId],
      )) as { id: string }[]
    )[0]!.id;
  const cred = {
    E: await credential(dA, E.id),
    C: await credential(dA, C.id),
    F: await credential(dA, F.id),
    G: await credential(dB, G.id),
    H: await credential(dB, H.id),
  };
  // An agreed plan with one action per candidacy: the plan routes' records.
  const plan = async (districtId: string, candidateId: string) => {
    const [row]: { id: string }[] = await t.db.query(
      `INSERT INTO development_plans (district_id, candidate_id, number, status, candidate_agreed_at, coordinator_agreed_at, agreed_at)
       VALUES ($1, $2, 1, 'agreed', now(), now(), now()) RETURNING id`,
      [districtId, candidateId],
    );
    const [action]: { id: string }[] = await t.db.query(
      `INSERT INTO plan_actions (plan_id, district_id, position, kind, description, owner)
       VALUES ($1, $2, 1, 'reflection', 'Matrix reflection', 'candidate') RETURNING id`,
      [row!.id, districtId],
    );
    return { plan: row!.id, action: action!.id };
  };
  const plans = {
    E: await plan(dA, cand.E!),
    C: await plan(dA, cand.C!),
    F: await plan(dA, cand.F!),
    G: await plan(dB, cand.G!),
    H: await plan(dB, cand.H!),
  };
  // Mentors: E actively mentors M (a candidate of A1 outside the slots); C's and F's candidacies had mentors once;
  // G's (district B) had H.
  const M = await f.createEducator({ districtId: dA, schoolId: A1 });
  // N: a school leader of A2 with a login, who fits E's candidacy (the request route's mentor).
  const { educator: N } = await f.createEducatorUser({ districtId: dA, schoolId: A2, leadershipLevel: 'school' });
  const candM = (await f.createCandidate({ districtId: dA, educatorId: M.id, roleId: roleA }, PATH)).id;
  await t.db.query(
    `INSERT INTO mentors (educator_id, district_id, capacity, taken)
     VALUES ($1, $5, 2, 1), ($2, $5, 2, 0), ($3, $5, 2, 0), ($4, $6, 2, 0), ($7, $5, 2, 0)`,
    [E.id, C.id, F.id, H.id, dA, dB, N.id],
  );
  const mentorship = async (districtId: string, candidateId: string, mentorId: string, status: string) =>
    (
      (await t.db.query(
        `INSERT INTO mentorships (district_id, candidate_id, mentor_educator_id, status, answered_at, ended_at)
         VALUES ($1, $2, $3, $4::mentorship_status, now(), CASE WHEN $4 = 'ended' THEN now() END) RETURNING id`,
        [districtId, candidateId, mentorId, status],
      )) as { id: string }[]
    )[0]!.id;
  const mentorships = {
    own: await mentorship(dA, candM, E.id, 'active'),
    C: await mentorship(dA, cand.C!, F.id, 'ended'),
    F: await mentorship(dA, cand.F!, C.id, 'ended'),
    G: await mentorship(dB, cand.G!, H.id, 'ended'),
  };
  await t.db.query('UPDATE candidates SET mentor_educator_id = $2 WHERE id = $1', [candM, E.id]);
  await t.db.query(
    `INSERT INTO mentoring_sessions (mentorship_id, district_id, held_on, minutes, topic)
     VALUES ($1, $2, CURRENT_DATE, 45, 'Matrix session')`,
    [mentorships.own, dA],
  );
  // Reflections shared with the program (a private one is only ever its author's: reflections.e2e-spec.ts).
  const reflection = async (districtId: string, educatorId: string, competencyId: string) =>
    (
      (await t.db.query(
        `INSERT INTO reflections (district_id, educator_id, competency_ids, body, share_coordinator, share_hr)
         VALUES ($1, $2, ARRAY[$3::uuid], 'Matrix reflection', true, true) RETURNING id`,
        [districtId, educatorId, competencyId],
      )) as { id: string }[]
    )[0]!.id;
  const refl = {
    E: await reflection(dA, E.id, refC1),
    C: await reflection(dA, C.id, refC1),
    F: await reflection(dA, F.id, refC1),
    G: await reflection(dB, G.id, fbC1),
  };
  await t.db.query('UPDATE leadership_roles SET internship_hours_target = 100 WHERE id = ANY($1::uuid[])', [
    [roleA, roleB],
  ]);
  // In progress, so a completion naming another district's competency reaches the level checks.
  const asgProbe = (
    await f.createAssignment({
      districtId: dA,
      opportunityId: oppA1,
      candidateId: cand.C!,
      assignedByUserId: hr.id,
      status: 'in_progress',
      startedAt: new Date(),
    })
  ).id;

  const nom = async (
    educatorId: string,
    by: { id: string },
    kind: 'hr' | 'principal' | 'self' | 'peer',
    extra: { status?: 'approved'; candidateId?: string; targetRoleId?: string } = {},
    districtId = dA,
  ) =>
    (
      await f.createNomination({
        districtId,
        educatorId,
        targetRoleId: districtId === dA ? roleA : roleB,
        nominatorUserId: by.id,
        nominatorKind: kind,
        ...extra,
      })
    ).id;
  const nomE = await nom(E.id, hr, 'hr', { status: 'approved', candidateId: cand.E! });
  const nomEPending = await nom(E.id, hr, 'hr');
  const nomC = await nom(C.id, hr, 'hr');
  const nomF = await nom(F.id, principalA2, 'principal');
  const nomByPrincipal = await nom(C.id, principal, 'principal', { targetRoleId: roleDean });
  const nomByEducator = await nom(C.id, eUser, 'peer', { targetRoleId: roleCoach });
  // Made by A1's principal when F was at A1 (F has moved to A2 since).
  const nomPrincipalMoved = await nom(F.id, principal, 'principal', { targetRoleId: roleDean });
  const nomG = await nom(G.id, hrB, 'hr', { status: 'approved', candidateId: cand.G! }, dB);
  const nomH = await nom(H.id, hrB, 'hr', {}, dB);
  const nomI = await nom(I.id, hrB, 'hr', {}, dB);

  const pos = async (districtId: string, roleId: string, schoolId: string) =>
    (await f.createPosition({ districtId, roleId, schoolId })).id;
  const posA1 = await pos(dA, roleA, A1);
  const posA2 = await pos(dA, roleA, A2);
  const posB = await pos(dB, roleB, B1);
  const posB2 = await pos(dB, roleB, B2);

  // Talent review sessions of A2's people: one A's principal and coordinator review, one they do not, one of B's.
  const session = async (districtId: string, roleId: string, schoolId: string, reviewers: string[]) => {
    const [row]: { id: string }[] = await t.db.query(
      `INSERT INTO review_sessions (district_id, title, role_id) VALUES ($1, 'Matrix review', $2) RETURNING id`,
      [districtId, roleId],
    );
    await t.db.query('INSERT INTO review_session_schools (session_id, school_id) VALUES ($1, $2)', [row!.id, schoolId]);
    for (const user of reviewers) {
      await t.db.query('INSERT INTO review_session_reviewers (session_id, user_id) VALUES ($1, $2)', [row!.id, user]);
    }
    return row!.id;
  };
  const reviewOwn = await session(dA, roleA, A2, [principal.id, coordinator.id]);
  const reviewOther = await session(dA, roleA, A2, []);
  const reviewB = await session(dB, roleB, B1, []);

  const transitionsOf = async (candidateId: string) =>
    (
      (await t.db.query(`SELECT id FROM stage_transitions WHERE candidate_id = $1 ORDER BY created_at`, [
        candidateId,
      ])) as { id: string }[]
    ).map((r) => r.id);
  const auditOf = async (districtId: string) =>
    (
      (await t.db.query(`SELECT id FROM audit_log WHERE district_id = $1 ORDER BY occurred_at LIMIT 3`, [
        districtId,
      ])) as { id: string }[]
    ).map((r) => r.id);

  // One notification for each person signed in; whose it is decides who may read it.
  const recipients = { platform_admin: platform, hr, superintendent, coordinator, principal, educator: eUser, hrB };
  const sent = {} as Record<keyof typeof recipients, string>;
  for (const [who, u] of Object.entries(recipients) as [
    keyof typeof recipients,
    { id: string; districtId: string | null },
  ][]) {
    const [row]: { id: string }[] = await t.db.query(
      `INSERT INTO notifications (district_id, user_id, kind, title, body, link, dedupe_key)
       VALUES ($1, $2, 'nomination.submitted', 'Matrix notification', 'For ' || $3, '/', $3) RETURNING id`,
      [u.districtId, u.id, who],
    );
    sent[who] = row!.id;
  }
  const recipient: Partial<Record<Role, Slots>> = Object.fromEntries(
    ROLE_LIST.map((role) => [
      role,
      {
        own: [sent[role]],
        otherPerson: [sent[role === 'coordinator' ? 'superintendent' : 'coordinator']],
        otherSchool: [sent[role === 'principal' ? 'hr' : 'principal']],
        otherDistrict: [sent.hrB],
      },
    ]),
  );

  // The development outbox: platform data, one message to a person of each district.
  const outbox: string[] = [];
  for (const u of [hr, hrB]) {
    const [row]: { id: string }[] = await t.db.query(
      `INSERT INTO email_outbox (user_id, to_address, subject, text, html, headers, message_id)
       VALUES ($1, $2, 'Matrix mail', 'text', '<p>html</p>', '{}', $3) RETURNING id`,
      [u.id, u.email, `<matrix-${u.id}@emerge.test>`],
    );
    outbox.push(row!.id);
  }

  const slots: Record<string, Slots> = {
    'email-outbox': { own: [outbox[0]!], otherDistrict: [outbox[1]!] },
    districts: { own: [dA], otherDistrict: [dB] },
    'district-settings': { own: [dA], otherDistrict: [dB] },
    schools: { own: [A1], otherSchool: [A2], otherDistrict: [B1, B2] },
    users: {
      own: [hrPendingA.id],
      otherDistrict: [hrPendingB.id],
      staffAccount: [superintendent.id],
      activatedHrAccount: [hr.id],
    },
    educators: { own: [E.id], otherPerson: [C.id], otherSchool: [F.id], otherDistrict: [G.id, H.id, I.id] },
    'leadership-roles': { own: [roleA], otherDistrict: [roleB] },
    nominations: {
      own: [nomE],
      otherPerson: [nomC],
      otherSchool: [nomF],
      otherDistrict: [nomG, nomH, nomI],
      pendingNominationOfSelf: [nomEPending],
    },
    candidates: {
      own: [cand.E!],
      otherPerson: [cand.C!],
      otherSchool: [cand.F!],
      otherDistrict: [cand.G!, cand.H!, cand.I!],
      unsharedReadiness: [cand.E!],
    },
    'stage-transitions': {
      own: await transitionsOf(cand.E!),
      otherPerson: await transitionsOf(cand.C!),
      otherSchool: await transitionsOf(cand.F!),
      otherDistrict: [
        ...(await transitionsOf(cand.G!)),
        ...(await transitionsOf(cand.H!)),
        ...(await transitionsOf(cand.I!)),
      ],
    },
    'competency-frameworks': { own: [FA], otherDistrict: [FB], reference: [REF] },
    competencies: { own: [faC1], otherDistrict: [fbC1], reference: [refC1] },
    'crosswalk-links': { own: [linkA], otherDistrict: [linkB], reference: [linkShipped] },
    evidence: { own: [ev.E!], otherPerson: [ev.C!], otherSchool: [ev.F!], otherDistrict: [ev.G!, ev.H!, ev.I!] },
    opportunities: { own: [oppA1], otherSchool: [oppA2], otherDistrict: [oppB, oppB2] },
    assignments: {
      own: [asg.E!],
      otherPerson: [asg.C!],
      otherSchool: [asg.F!],
      otherDistrict: [asg.G!, asg.H!, asg.I!],
    },
    'opportunity-interests': {
      own: [intr.E],
      otherPerson: [intr.C],
      otherSchool: [intr.F],
      otherDistrict: [intr.G, intr.H],
    },
    positions: { own: [posA1], otherSchool: [posA2], otherDistrict: [posB, posB2] },
    credentials: { own: [cred.E], otherPerson: [cred.C], otherSchool: [cred.F], otherDistrict: [cred.G, cred.H] },
    mentors: { own: [E.id], otherDistrict: [H.id] },
    // Candidacies of roles with an hours target (both roles have one).
    'candidate-hours': {
      own: [cand.E!],
      otherPerson: [cand.C!],
      otherSchool: [cand.F!],
      otherDistrict: [cand.G!, cand.H!, cand.I!],
    },
    reflections: { own: [refl.E], otherPerson: [refl.C], otherSchool: [refl.F], otherDistrict: [refl.G] },
    // Own: the one E mentors (for E's readers, M is of A1 like E).
    mentorships: {
      own: [mentorships.own],
      otherPerson: [mentorships.C],
      otherSchool: [mentorships.F],
      otherDistrict: [mentorships.G],
    },
    'development-plans': {
      own: [plans.E.plan],
      otherPerson: [plans.C.plan],
      otherSchool: [plans.F.plan],
      otherDistrict: [plans.G.plan, plans.H.plan],
    },
    'plan-actions': {
      own: [plans.E.action],
      otherPerson: [plans.C.action],
      otherSchool: [plans.F.action],
      otherDistrict: [plans.G.action, plans.H.action],
    },
    // otherSchool: a session of the caller's district that the caller does not review.
    'review-sessions': { own: [reviewOwn], otherSchool: [reviewOther], otherDistrict: [reviewB] },
    'audit-log': { own: await auditOf(dA), otherDistrict: await auditOf(dB) },
    // As hr sees them; the matrix takes each role's own from `recipient`.
    notifications: recipient.hr!,
  };

  const nominator: Partial<Record<Role, Slots>> = {
    hr: { own: [nomC], otherPerson: [nomByPrincipal], otherSchool: [nomF], otherDistrict: [nomG, nomH, nomI] },
    principal: { own: [nomByPrincipal], otherPerson: [nomC], otherSchool: [nomF], otherDistrict: [nomG, nomH, nomI] },
    educator: { own: [nomByEducator], otherPerson: [nomC], otherSchool: [nomF], otherDistrict: [nomG, nomH, nomI] },
  };
  const madeByCaller: Partial<Record<Role, string[]>> = {
    hr: [nomC],
    principal: [nomPrincipalMoved],
    educator: [nomByEducator],
  };

  // Every uuid id of a district-B row, whatever the table, and B's competencies (their framework is B's).
  const tables: { table_name: string }[] = await t.db.query(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.columns i ON i.table_schema = c.table_schema AND i.table_name = c.table_name
        AND i.column_name = 'id' AND i.data_type = 'uuid'
      WHERE c.table_schema = 'public' AND c.column_name = 'district_id'`,
  );
  const bIds = new Set<string>([dB, fbC1]);
  for (const { table_name } of tables) {
    const rows: { id: string }[] = await t.db.query(
      `SELECT id::text AS id FROM "${table_name}" WHERE district_id = $1`,
      [dB],
    );
    rows.forEach((r) => bIds.add(r.id));
  }
  const emails: { id: string; email: string; district_id: string }[] = await t.db.query(
    `SELECT id, email, district_id FROM educators WHERE district_id = ANY($1::uuid[])`,
    [[dA, dB]],
  );

  const owner = new Map<string, 'A' | 'B'>();
  for (const [, s] of Object.entries(slots)) {
    for (const [slot, ids] of Object.entries(s))
      for (const id of ids) owner.set(id, slot === 'otherDistrict' ? 'B' : 'A');
  }
  for (const id of [B1, B2, roleB, FB, fbC1, oppB, cand.G!, G.id, posB]) owner.set(id, 'B');

  const user = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });
  return {
    districtA: dA,
    districtB: dB,
    users: {
      platform_admin: user(platform),
      hr: user(hr),
      superintendent: user(superintendent),
      coordinator: user(coordinator),
      principal: user(principal),
      educator: user(eUser),
      hrB: user(hrB),
    },
    slots,
    nominator,
    recipient,
    madeByCaller,
    owner,
    bIds: [...bIds],
    bMarkers: emails.filter((e) => e.district_id === dB).map((e) => e.email),
    emailOf: new Map(emails.map((e) => [e.id, e.email])),
    ids: {
      A1,
      A2,
      B1,
      B2,
      roleA,
      roleB,
      FA,
      FB,
      faC1,
      faC2,
      fbC1,
      refC1,
      refC2,
      oppA1,
      oppB,
      candE: cand.E!,
      candG: cand.G!,
      asgProbe,
      posA1,
      reviewOwn,
      E: E.id,
      F: F.id,
      N: N.id,
      G: G.id,
      principalA2: principalA2.id,
    },
  };
}

/** A fresh record to delete, so a successful delete leaves the fixture as it was. */
export async function throwaway(t: TestApp, fx: MatrixFixture, resource: string, slot: Slot): Promise<string> {
  const f = t.factories;
  const { districtA: d, ids } = fx;
  const school = slot === 'otherSchool' ? ids.A2 : ids.A1;
  switch (resource) {
    case 'schools':
      return (await f.createSchool({ districtId: d })).id;
    case 'leadership-roles':
      return (await f.createLeadershipRole({ districtId: d })).id;
    case 'opportunities':
      return (await f.createOpportunity({ districtId: d, hostSchoolId: school }, [ids.faC1])).id;
    case 'positions':
      return (await f.createPosition({ districtId: d, roleId: ids.roleA, schoolId: school })).id;
    case 'crosswalk-links': {
      const node = (await f.createCompetency({ frameworkId: ids.FA })).id;
      await f.link(node, ids.refC2, 'related', d);
      const [row]: { id: string }[] = await t.db.query(`SELECT id FROM crosswalk_links WHERE from_id = $1`, [node]);
      return row!.id;
    }
    case 'credentials': {
      // Another credential of the person the slot's one belongs to.
      const [row]: { id: string }[] = await t.db.query(
        `INSERT INTO career_credentials (district_id, educator_id, kind, title)
         SELECT district_id, educator_id, 'degree', 'Matrix degree' FROM career_credentials WHERE id = $1 RETURNING id`,
        [fx.slots.credentials![slot]![0]],
      );
      return row!.id;
    }
    case 'reflections': {
      // Another reflection of the author the slot's one belongs to.
      const [row]: { id: string }[] = await t.db.query(
        `INSERT INTO reflections (district_id, educator_id, competency_ids, body, share_coordinator, share_hr)
         SELECT district_id, educator_id, competency_ids, 'Matrix throwaway', true, true FROM reflections WHERE id = $1
         RETURNING id`,
        [fx.slots.reflections![slot]![0]],
      );
      return row!.id;
    }
    default:
      throw new Error(`No throwaway ${resource} for a delete that succeeds: add one`);
  }
}
