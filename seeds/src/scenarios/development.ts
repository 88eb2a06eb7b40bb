import { Factories, SeededRandom } from '@emerge/api/testing';
import type { EntityManager } from 'typeorm';

type OpportunityType = NonNullable<Parameters<Factories['createOpportunity']>[0]['type']>;

const DAY = 86_400_000;
const dayOffset = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

interface Experience {
  title: string;
  type: OpportunityType;
  level: 'classroom' | 'school' | 'district';
  host: string | null;
  seats: number;
  /** Start and end, in days from the load day. */
  window: [number, number];
  hours: number;
  develops: string[];
  description: string;
}

/** The experiences the seeds name (visioning, strategic planning, partnership cultivation, curriculum review, PLCs) and more. */
const CATALOG: Experience[] = [
  {
    title: 'Lead the ninth-grade visioning retreat',
    type: 'project',
    level: 'school',
    host: 'RHS',
    seats: 4,
    window: [-60, 90],
    hours: 30,
    develops: ['RB-V1'],
    description: 'Plan and facilitate a day where students, families and staff describe the graduate they want to see.',
  },
  {
    title: 'District strategic plan working group',
    type: 'committee',
    level: 'district',
    host: null,
    seats: 8,
    window: [-120, 150],
    hours: 40,
    develops: ['RB-V2', 'RB-E1'],
    description: 'Draft one goal area of the five-year strategic plan with cabinet, and present it to the board.',
  },
  {
    title: 'Family and community partnership cultivation',
    type: 'project',
    level: 'school',
    host: 'MGE',
    seats: 6,
    window: [-30, 120],
    hours: 24,
    develops: ['RB-E2'],
    description: 'Build a partnership with a local organisation that opens real-world learning to students.',
  },
  {
    title: 'Curriculum review committee: ELA grades 6–8',
    type: 'committee',
    level: 'classroom',
    host: 'RMS',
    seats: 6,
    window: [-200, -20],
    hours: 36,
    develops: ['RB-L1', 'RB-P2'],
    description: 'Review the middle-school ELA materials against the portrait of a graduate and recommend changes.',
  },
  {
    title: 'Lead a professional learning community for a semester',
    type: 'project',
    level: 'classroom',
    host: 'EHS',
    seats: 10,
    window: [-90, 60],
    hours: 40,
    develops: ['RB-P2', 'RB-P1'],
    description: 'Facilitate a grade-level or department PLC through one inquiry cycle, using student work.',
  },
  {
    title: 'Assistant principal residency',
    type: 'residency',
    level: 'school',
    host: 'EHS',
    seats: 2,
    window: [-150, 210],
    hours: 320,
    develops: ['RB-V2', 'RB-P1', 'RB-L2'],
    description: 'Half-time release for a year alongside a principal: scheduling, evaluation, budget, discipline.',
  },
  {
    title: 'Principal mentoring circle',
    type: 'mentorship',
    level: 'school',
    host: null,
    seats: 6,
    window: [-100, 260],
    hours: 20,
    develops: ['RB-L2', 'RB-V1'],
    description: 'Monthly circle with a sitting principal as mentor; each member brings a live leadership problem.',
  },
  {
    title: 'Shadow a district director for a week',
    type: 'shadowing',
    level: 'district',
    host: null,
    seats: 4,
    window: [20, 110],
    hours: 35,
    develops: ['RB-V2'],
    description: 'Spend five days with a district director: cabinet, budget hearings, school visits.',
  },
  {
    title: 'Aspiring leaders cohort sessions',
    type: 'cohort_session',
    level: 'school',
    host: null,
    seats: 20,
    window: [-45, 180],
    hours: 18,
    develops: ['RB-E1', 'RB-V1'],
    description: 'Six evening sessions on learner-centred leadership, with case studies from our own schools.',
  },
  {
    title: 'Instructional coaching foundations',
    type: 'coursework',
    level: 'classroom',
    host: null,
    seats: 15,
    window: [30, 150],
    hours: 24,
    develops: ['RB-P1'],
    description: 'A course on coaching cycles, feedback conversations and co-planning.',
  },
  {
    title: 'School equity audit team',
    type: 'committee',
    level: 'school',
    host: 'NSE',
    seats: 5,
    window: [-20, 100],
    hours: 16,
    develops: ['RB-E1'],
    description: 'Review discipline, course-access and attendance data by student group; propose two changes.',
  },
  {
    title: 'Community learning night planning',
    type: 'project',
    level: 'classroom',
    host: 'SKA',
    seats: 2,
    window: [-10, 45],
    hours: 12,
    develops: ['RB-E2'],
    description: 'Plan the spring learning night with families and community partners.',
  },
];

interface CandidateRow {
  id: string;
  stage: string;
  pausedFrom: string | null;
  email: string | null;
}

/**
 * The coordinator's catalog and assignments in every status, consistent with what the API would have
 * written: seats counted, started assignments have a start, completions carry their evidence.
 */
export async function seedDevelopment(
  m: EntityManager,
  f: Factories,
  districtId: string,
  nodes: Map<string, string>,
  users: { coordinator: string },
  random: SeededRandom,
): Promise<void> {
  const schools: { id: string; code: string }[] = await m.query(`SELECT id, code FROM schools WHERE district_id = $1`, [
    districtId,
  ]);
  const schoolId = new Map(schools.map((s) => [s.code, s.id]));
  const catalog: (Experience & { id: string; taken: number; cap: number })[] = [];
  for (const x of CATALOG) {
    const o = await f.createOpportunity(
      {
        districtId,
        title: x.title,
        type: x.type,
        level: x.level,
        hostSchoolId: x.host ? (schoolId.get(x.host) ?? null) : null,
        seats: x.seats,
        startsOn: dayOffset(x.window[0]),
        endsOn: dayOffset(x.window[1]),
        hours: x.hours,
        description: x.description,
      },
      x.develops.map((code) => nodes.get(code)!),
    );
    // Leave about a quarter of the seats free so the catalog has room; the smallest one fills up.
    const cap = x.seats <= 2 ? x.seats : x.seats - Math.max(1, Math.round(x.seats / 4));
    catalog.push({ ...x, id: o.id, taken: 0, cap });
  }

  const candidates: CandidateRow[] = await m.query(
    `SELECT c.id, c.stage, c.paused_from AS "pausedFrom", u.email FROM candidates c
       LEFT JOIN users u ON u.educator_id = c.educator_id WHERE c.district_id = $1 ORDER BY c.created_at, c.id`,
    [districtId],
  );
  const completedEvidence: unknown[][] = [];
  const assign = async (
    c: CandidateRow,
    x: (typeof catalog)[number],
    status: 'assigned' | 'in_progress' | 'completed' | 'withdrawn',
  ) => {
    if (status !== 'withdrawn' && x.taken >= x.cap) return false;
    const started = x.window[0] + random.int(1, 20);
    const hours = status === 'assigned' ? 0 : status === 'completed' ? x.hours : random.int(2, x.hours - 1);
    const row = await f.createAssignment({
      districtId,
      opportunityId: x.id,
      candidateId: c.id,
      assignedByUserId: users.coordinator,
      status,
      dueOn: dayOffset(x.window[1]),
      hoursLogged: hours.toFixed(1),
      reflection:
        status === 'assigned'
          ? ''
          : random.pick([
              'Learned how much listening a vision takes before anyone writes it down.',
              'The data conversations were harder than expected; the protocol helped.',
              'Families brought ideas we had not considered; next time I will invite them earlier.',
              'Co-planning with a colleague changed how I give feedback.',
            ]),
      outcomeNote:
        status === 'withdrawn'
          ? 'Schedule conflict with coursework; will join the next round'
          : status === 'completed'
            ? 'Completed with strong feedback from the host'
            : '',
      startedAt: status === 'assigned' ? null : new Date(Date.now() + Math.min(started, -5) * DAY),
      endedAt: status === 'completed' || status === 'withdrawn' ? new Date(Date.now() - random.int(5, 40) * DAY) : null,
    });
    if (status !== 'withdrawn') x.taken += 1;
    if (status === 'completed') {
      for (const code of x.develops) {
        completedEvidence.push([
          districtId,
          c.id,
          nodes.get(code)!,
          random.int(2, 4),
          `Completed "${x.title}": Completed with strong feedback from the host`,
          dayOffset(-random.int(5, 40)),
          users.coordinator,
          row.id,
        ]);
      }
    }
    return true;
  };

  const byTitle = (prefix: string) => catalog.find((x) => x.title.startsWith(prefix))!;
  // Elena (educator@): a completed curriculum review, a PLC under way, a mentoring circle not yet begun.
  const elena = candidates.find((c) => c.email === 'educator@riverbend.example');
  if (elena) {
    await assign(elena, byTitle('Curriculum review'), 'completed');
    await assign(elena, byTitle('Lead a professional learning'), 'in_progress');
    await assign(elena, byTitle('Principal mentoring'), 'assigned');
  }
  const statusesFor = (stage: string): ('assigned' | 'in_progress' | 'completed' | 'withdrawn')[] => {
    switch (stage) {
      case 'engaged':
        return random.chance(0.5) ? ['assigned'] : [];
      case 'developing':
        return [
          random.pick(['in_progress', 'assigned', 'completed'] as const),
          random.pick(['in_progress', 'withdrawn'] as const),
        ];
      case 'ready':
      case 'placed':
      case 'supported':
        return ['completed', random.pick(['completed', 'in_progress'] as const)];
      default:
        return [];
    }
  };
  for (const c of candidates) {
    if (c === elena) continue;
    const stage = c.stage === 'paused' ? (c.pausedFrom ?? '') : c.stage;
    const used = new Set<string>();
    for (const status of statusesFor(stage)) {
      const open = catalog.filter(
        (x) => !used.has(x.id) && x.taken < x.cap && (status !== 'assigned' || x.window[1] > 0),
      );
      if (!open.length) break;
      const x = random.pick(open);
      used.add(x.id);
      await assign(c, x, status);
    }
  }
  for (let i = 0; i < completedEvidence.length; i += 500) {
    const chunk = completedEvidence.slice(i, i + 500);
    const values = chunk
      .map(
        (_, r) => `(${Array.from({ length: 8 }, (__, k) => `$${r * 8 + k + 1}`).join(', ')}, 'opportunity_completion')`,
      )
      .join(', ');
    await m.query(
      `INSERT INTO evidence (district_id, candidate_id, competency_id, level, note, observed_on, recorder_user_id, assignment_id, source) VALUES ${values}`,
      chunk.flat(),
    );
  }
}
