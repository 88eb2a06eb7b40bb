import { FIRST_NAMES, LAST_NAMES } from '../scenarios/names.js';
import { below, unit, uuid, weighted } from './hash.js';
import { AP_KIND, DAY, offsets, Plan, PRINCIPAL_KIND, ROLE_KINDS, S, T, type Transition, upperBound } from './plan.js';

/** A table to load: its columns and a generator of COPY text-format lines. */
export interface TableRows {
  table: string;
  columns: string[];
  rows: () => Iterable<string>;
}

const NULL = '\\N';
const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
/** UTC ISO-8601 without Date objects (generation is bound by formatting; toISOString is 3× slower). */
const ts = (ms: number): string => {
  const days = Math.floor(ms / DAY);
  let rem = ms - days * DAY;
  const h = Math.floor(rem / 3_600_000);
  rem -= h * 3_600_000;
  const m = Math.floor(rem / 60_000);
  rem -= m * 60_000;
  const sec = Math.floor(rem / 1000);
  const milli = rem - sec * 1000;
  return `${date(ms)}T${pad2(h)}:${pad2(m)}:${pad2(sec)}.${String(milli).padStart(3, '0')}Z`;
};
/** Civil date from days since 1970-01-01 (Howard Hinnant's algorithm). */
const date = (ms: number): string => {
  const z = Math.floor(ms / DAY) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${y}-${pad2(month)}-${pad2(d)}`;
};
const SPECIAL = /[\\\t\n\r]/;
/** COPY text format: backslash, tab and line breaks escaped; null as \N. */
const v = (x: string | number | boolean | null | undefined): string =>
  x === null || x === undefined
    ? NULL
    : typeof x !== 'string'
      ? String(x)
      : SPECIAL.test(x)
        ? x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
        : x;
const line = (...xs: (string | number | boolean | null | undefined)[]) => xs.map(v).join('\t') + '\n';

const TOWNS = ['Cedar', 'Maple', 'River', 'Lake', 'Oak', 'Pine', 'Hill', 'Spring', 'Valley', 'Brook', 'Elm', 'Ash'];
const KINDS = [
  ['elementary', 'Elementary', 55],
  ['middle', 'Middle', 20],
  ['high', 'High', 15],
  ['k8', 'K-8', 6],
  ['other', 'Learning Center', 4],
] as const;
const GENDERS = [
  ['female', 70],
  ['male', 24],
  ['nonbinary', 1],
  ['prefer_not_to_say', 1],
  [null, 4],
] as const;
const RACES = [
  ['white', 58],
  ['hispanic_latino', 14],
  ['black_african_american', 10],
  ['asian', 3],
  ['two_or_more', 2],
  ['american_indian_alaska_native', 1],
  ['native_hawaiian_pacific_islander', 1],
  ['prefer_not_to_say', 2],
  [null, 9],
] as const;
const SOURCES = [
  ['observation', 40],
  ['artifact', 20],
  ['feedback_360', 15],
  ['self_reflection', 15],
  ['evaluation', 10],
] as const;
const OPP_TYPES = ['residency', 'mentorship', 'shadowing', 'project', 'committee', 'coursework', 'cohort_session'];
const RATIONALES = [
  'Leads the grade-level team and coaches new colleagues.',
  'Ran the school improvement committee this year with clear results.',
  'Trusted by families; organised the community partnership night.',
  'Strong instructional practice; peers seek out their classroom.',
  'Took on the data team and turned it into weekly action.',
];

export class Rows {
  constructor(
    private readonly p: Plan,
    private readonly passwordHash: string,
  ) {}

  private slug(d: number): string {
    return `d${String(d + 1).padStart(4, '0')}`;
  }

  schoolName(s: number): string {
    const d = this.p.schoolDistrict[s]!;
    const local = s - this.p.sOff[d]!;
    const kind = weighted(
      this.p.seed,
      S.level,
      s,
      KINDS.map((k) => [k, k[2]] as const),
    );
    return `${TOWNS[local % TOWNS.length]} ${kind[1]} School ${Math.floor(local / TOWNS.length) + 1}`;
  }

  educatorName(e: number): [string, string] {
    return [
      FIRST_NAMES[below(this.p.seed, S.first, e, FIRST_NAMES.length)]!,
      LAST_NAMES[below(this.p.seed, S.last, e, LAST_NAMES.length)]!,
    ];
  }

  private created(d: number): string {
    return ts(this.p.asOf - (1500 + (d % 300)) * DAY);
  }

  districts(): TableRows {
    const p = this.p;
    return {
      table: 'districts',
      columns: ['id', 'created_at', 'updated_at', 'name', 'slug', 'small_cell_threshold'],
      rows: function* (this: Rows) {
        for (let d = 0; d < p.D; d++) {
          const at = this.created(d);
          yield line(
            uuid(T.district, d),
            at,
            at,
            `${TOWNS[d % TOWNS.length]} County District ${d + 1}`,
            this.slug(d),
            10,
          );
        }
      }.bind(this),
    };
  }

  schools(): TableRows {
    const p = this.p;
    return {
      table: 'schools',
      columns: ['id', 'created_at', 'updated_at', 'district_id', 'name', 'code', 'grade_band'],
      rows: function* (this: Rows) {
        for (let s = 0; s < p.tier.schools; s++) {
          const d = p.schoolDistrict[s]!;
          const at = this.created(d);
          const kind = weighted(
            p.seed,
            S.level,
            s,
            KINDS.map((k) => [k, k[2]] as const),
          );
          const code = `S${String(s - p.sOff[d]! + 1).padStart(5, '0')}`;
          yield line(uuid(T.school, s), at, at, uuid(T.district, d), this.schoolName(s), code, kind[0]);
        }
      }.bind(this),
    };
  }

  roles(): TableRows {
    const p = this.p;
    return {
      table: 'leadership_roles',
      columns: ['id', 'created_at', 'updated_at', 'district_id', 'title', 'level', 'description'],
      rows: function* (this: Rows) {
        for (let d = 0; d < p.D; d++)
          for (const [k, r] of ROLE_KINDS.entries()) {
            const at = this.created(d);
            yield line(p.roleId(d, k), at, at, uuid(T.district, d), r.title, r.level, '');
          }
      }.bind(this),
    };
  }

  roleTargets(): TableRows {
    const p = this.p;
    return {
      table: 'role_targets',
      columns: ['role_id', 'competency_id', 'target_level'],
      rows: function* () {
        for (let d = 0; d < p.D; d++)
          for (let k = 0; k < ROLE_KINDS.length; k++)
            for (const c of p.targets[k]!) yield line(p.roleId(d, k), p.competencyIds[c]!, k >= 4 ? 4 : 3);
      },
    };
  }

  users(): TableRows {
    const p = this.p;
    const hash = this.passwordHash;
    return {
      table: 'users',
      columns: [
        'id',
        'created_at',
        'updated_at',
        'district_id',
        'email',
        'name',
        'role',
        'password_hash',
        'educator_id',
      ],
      rows: function* (this: Rows) {
        for (let d = 0; d < p.D; d++) {
          const at = this.created(d);
          const dist = uuid(T.district, d);
          const slug = this.slug(d);
          yield line(p.hrUser(d), at, at, dist, `hr@${slug}.example.org`, `HR Director ${d + 1}`, 'hr', hash, null);
          yield line(
            p.superintendentUser(d),
            at,
            at,
            dist,
            `superintendent@${slug}.example.org`,
            `Superintendent ${d + 1}`,
            'superintendent',
            hash,
            null,
          );
          yield line(
            p.coordinatorUser(d),
            at,
            at,
            dist,
            `coordinator@${slug}.example.org`,
            `Program Coordinator ${d + 1}`,
            'coordinator',
            hash,
            null,
          );
        }
        for (let s = 0; s < p.tier.schools; s++) {
          const d = p.schoolDistrict[s]!;
          const at = this.created(d);
          const email = `principal.${s - p.sOff[d]! + 1}@${this.slug(d)}.example.org`;
          yield line(
            p.principalUser(s),
            at,
            at,
            uuid(T.district, d),
            email,
            `Principal of ${this.schoolName(s)}`,
            'principal',
            hash,
            null,
          );
        }
        // Each nominee has a login (they give consent and, once candidates, log hours).
        for (let n = 0; n < p.tier.nominations; n++) {
          const e = p.nominationEducator(n);
          const d = p.educatorDistrict(e);
          const [first, last] = this.educatorName(e);
          const at = ts(p.nominatedAt(n) - 30 * DAY);
          const email = `${first}.${last}.${e - p.eOff[d]! + 1}@${this.slug(d)}.example.org`.toLowerCase();
          yield line(
            uuid(T.educatorUser, n),
            at,
            at,
            uuid(T.district, d),
            email,
            `${first} ${last}`,
            'educator',
            hash,
            uuid(T.educator, e),
          );
        }
      }.bind(this),
    };
  }

  userSchools(): TableRows {
    const p = this.p;
    return {
      table: 'user_schools',
      columns: ['user_id', 'school_id'],
      rows: function* () {
        for (let s = 0; s < p.tier.schools; s++) yield line(p.principalUser(s), uuid(T.school, s));
      },
    };
  }

  educatorColumns = [
    'id',
    'created_at',
    'updated_at',
    'district_id',
    'employee_number',
    'first_name',
    'last_name',
    'email',
    'school_id',
    'job_title',
    'leadership_level',
    'years_in_education',
    'status',
    'retirement_eligible_year',
    'birth_year',
    'service_start_on',
    'gender',
    'race_ethnicity',
  ];

  educatorValues(e: number): (string | number | null)[] {
    const p = this.p;
    const d = p.educatorDistrict(e);
    const [first, last] = this.educatorName(e);
    const local = e - p.eOff[d]!;
    const level = weighted(p.seed, S.level, e + 10_000_000, [
      ['classroom', 85],
      ['school', 12],
      ['district', 3],
    ] as const);
    const years = below(p.seed, S.years, e, 36);
    const at = this.created(d);
    const asOfYear = new Date(p.asOf).getUTCFullYear();
    return [
      uuid(T.educator, e),
      at,
      at,
      uuid(T.district, d),
      `E${String(local + 1).padStart(7, '0')}`,
      first,
      last,
      unit(p.seed, S.email, e) < 0.05
        ? null
        : `${first}.${last}.${local + 1}@${this.slug(d)}.example.org`.toLowerCase(),
      uuid(T.school, p.educatorSchool(e)),
      level === 'classroom' ? 'Teacher' : level === 'school' ? 'Department Chair' : 'District Specialist',
      level,
      years,
      unit(p.seed, S.status, e) < 0.04 ? 'inactive' : 'active',
      asOfYear + Math.max(0, 30 - years) - below(p.seed, S.years, e + 10_000_000, 4),
      // Started at 22 to 29, in the August of the year `years` ago.
      asOfYear - years - 22 - below(p.seed, S.birth, e, 8),
      `${asOfYear - years}-08-15`,
      weighted(p.seed, S.gender, e, GENDERS),
      weighted(p.seed, S.race, e, RACES),
    ];
  }

  educators(): TableRows {
    const p = this.p;
    return {
      table: 'educators',
      columns: this.educatorColumns,
      rows: function* (this: Rows) {
        for (let e = 0; e < p.tier.educators; e++) yield line(...this.educatorValues(e));
      }.bind(this),
    };
  }

  nominationColumns = [
    'id',
    'created_at',
    'updated_at',
    'district_id',
    'educator_id',
    'target_role_id',
    'nominator_user_id',
    'nominator_kind',
    'rationale',
    'private_note',
    'competency_ids',
    'status',
    'decision_reason',
    'decided_by_user_id',
    'decided_at',
    'candidate_id',
  ];

  nominationValues(n: number): (string | number | null)[] {
    const p = this.p;
    const d = p.nominationDistrict(n);
    const status = p.nominationStatus(n);
    const decided = status === 'approved' || status === 'declined';
    const c = p.nomCandidate[n]!;
    const created = ts(p.nominatedAt(n));
    const updated = status === 'submitted' ? created : ts(p.decidedAt(n));
    return [
      uuid(T.nomination, n),
      created,
      updated,
      uuid(T.district, d),
      uuid(T.educator, p.nominationEducator(n)),
      p.roleId(d, p.nominationRoleKind(n)),
      p.nominatorUser(n),
      p.nominationKind(n),
      RATIONALES[n % RATIONALES.length]!,
      null,
      '{}',
      status,
      status === 'declined' ? 'Not this year; encouraged to apply to the next cohort.' : null,
      decided ? p.hrUser(d) : null,
      decided ? ts(p.decidedAt(n)) : null,
      c >= 0 ? uuid(T.candidate, c) : null,
    ];
  }

  nominations(): TableRows {
    const p = this.p;
    return {
      table: 'nominations',
      columns: this.nominationColumns,
      rows: function* (this: Rows) {
        for (let n = 0; n < p.tier.nominations; n++) yield line(...this.nominationValues(n));
      }.bind(this),
    };
  }

  candidates(): TableRows {
    const p = this.p;
    return {
      table: 'candidates',
      columns: [
        'id',
        'created_at',
        'updated_at',
        'district_id',
        'educator_id',
        'role_id',
        'stage',
        'paused_from',
        'exit_reason',
        'stage_entered_at',
        'notes',
        'readiness',
        'readiness_shared',
        'readiness_confirmed_at',
      ],
      rows: function* (this: Rows) {
        for (let c = 0; c < p.C; c++) {
          const n = p.cNom[c]!;
          const d = p.nominationDistrict(n);
          const path = p.path(c);
          const last = path[path.length - 1]!;
          const band = p.readinessBand(c);
          yield line(
            uuid(T.candidate, c),
            ts(path[0]!.at),
            ts(last.at),
            uuid(T.district, d),
            uuid(T.educator, p.nominationEducator(n)),
            p.roleId(d, p.nominationRoleKind(n)),
            last.to,
            last.to === 'paused' ? last.from : null,
            last.exitReason,
            ts(last.at),
            '',
            band ?? 'not_assessed',
            band === 'ready_now' && unit(p.seed, S.band, c + 8_000_000) < 0.5,
            band ? ts(this.readinessAt(c, path)) : null,
          );
        }
      }.bind(this),
    };
  }

  /** Confirmed halfway between the last two moves (for ready candidates: after reaching ready). */
  private readinessAt(c: number, path: Transition[]): number {
    const i = Math.max(0, path.length - 1);
    return Math.floor(path[i]!.at + Math.min(20 * DAY, (this.p.asOf - path[i]!.at) / 2));
  }

  transitionColumns = [
    'id',
    'district_id',
    'candidate_id',
    'from_stage',
    'to_stage',
    'actor_user_id',
    'reason',
    'exit_reason',
    'created_at',
  ];

  transitionValues(c: number, i: number, t: Transition): (string | number | null)[] {
    const p = this.p;
    return [
      uuid(T.transition, p.tOff[c]! + i),
      uuid(T.district, p.candidateDistrict(c)),
      uuid(T.candidate, c),
      t.from,
      t.to,
      t.actor,
      t.reason,
      t.exitReason,
      ts(t.at),
    ];
  }

  transitions(): TableRows {
    const p = this.p;
    return {
      table: 'stage_transitions',
      columns: this.transitionColumns,
      rows: function* (this: Rows) {
        for (let c = 0; c < p.C; c++) {
          const path = p.path(c);
          for (let i = 0; i < path.length; i++) yield line(...this.transitionValues(c, i, path[i]!));
        }
      }.bind(this),
    };
  }

  evidenceColumns = [
    'id',
    'district_id',
    'candidate_id',
    'competency_id',
    'level',
    'source',
    'note',
    'link',
    'observed_on',
    'recorder_user_id',
    'created_at',
    'assignment_id',
  ];

  /** Evidence row j of candidate c (whose history is `path`), observed after they engaged. */
  evidenceValues(c: number, j: number, path: Transition[]): (string | number | null)[] {
    const p = this.p;
    const n = p.cNom[c]!;
    const d = p.nominationDistrict(n);
    const targets = p.targets[p.nominationRoleKind(n)]!;
    const local = j - p.evOff[c]!;
    const from = path[1]?.at ?? path[0]!.at;
    const to = Math.max(from + DAY, path[path.length - 1]!.to === 'exited' ? path[path.length - 1]!.at : p.asOf - DAY);
    const observed = from + Math.floor(unit(p.seed, S.evDay, j) * (to - from));
    const reached = p.reached(c);
    const level = Math.min(4, 1 + Math.floor(unit(p.seed, S.evLevel, j) * 2.2 + reached * 0.45));
    const school = p.educatorSchool(p.nominationEducator(n));
    const recorder = unit(p.seed, S.evRecorder, j) < 0.7 ? p.principalUser(school) : p.coordinatorUser(d);
    return [
      uuid(T.evidence, j),
      uuid(T.district, d),
      uuid(T.candidate, c),
      p.competencyIds[targets[(local + below(p.seed, S.evComp, j, 2)) % targets.length]!]!,
      level,
      weighted(p.seed, S.evSource, j, SOURCES),
      '',
      null,
      date(observed),
      recorder,
      ts(observed + DAY),
      null,
    ];
  }

  evidence(): TableRows {
    const p = this.p;
    return {
      table: 'evidence',
      columns: this.evidenceColumns,
      rows: function* (this: Rows) {
        for (let c = 0; c < p.C; c++) {
          if (p.evOff[c + 1] === p.evOff[c]) continue;
          const path = p.path(c);
          for (let j = p.evOff[c]!; j < p.evOff[c + 1]!; j++) yield line(...this.evidenceValues(c, j, path));
        }
      }.bind(this),
    };
  }

  readiness(): TableRows {
    const p = this.p;
    return {
      table: 'readiness_assessments',
      columns: [
        'id',
        'district_id',
        'candidate_id',
        'suggested_band',
        'suggested_reasons',
        'band',
        'rationale',
        'confirmed_by_user_id',
        'confirmed_at',
      ],
      rows: function* (this: Rows) {
        for (let c = 0; c < p.C; c++) {
          const band = p.readinessBand(c);
          if (!band) continue;
          const d = p.candidateDistrict(c);
          yield line(
            uuid(T.readiness, c),
            uuid(T.district, d),
            uuid(T.candidate, c),
            band,
            '[]',
            band,
            'Reviewed the evidence with the principal; agrees with the suggestion.',
            p.hrUser(d),
            ts(this.readinessAt(c, p.path(c))),
          );
        }
      }.bind(this),
    };
  }

  opportunities(): TableRows {
    const p = this.p;
    return {
      table: 'development_opportunities',
      columns: [
        'id',
        'created_at',
        'updated_at',
        'district_id',
        'title',
        'type',
        'level',
        'host_school_id',
        'seats',
        'seats_taken',
        'starts_on',
        'ends_on',
        'hours',
        'description',
      ],
      rows: function* (this: Rows) {
        for (let d = 0; d < p.D; d++)
          for (let o = p.oOff[d]!; o < p.oOff[d + 1]!; o++) {
            const local = o - p.oOff[d]!;
            const type = OPP_TYPES[local % OPP_TYPES.length]!;
            const seats = Math.max(p.oppTaken[o]!, 3 + below(p.seed, S.seats, o, 10));
            const start = p.asOf - (60 + below(p.seed, S.seats, o + 1_000_000, 600)) * DAY;
            const school = p.sOff[d]! + (local % (p.sOff[d + 1]! - p.sOff[d]!));
            const at = ts(start - 30 * DAY);
            // seats_taken is left at 0 here and recounted set-based after the assignments load.
            yield line(
              uuid(T.opportunity, o),
              at,
              at,
              uuid(T.district, d),
              `${type[0]!.toUpperCase()}${type.slice(1).replace('_', ' ')} ${local + 1}`,
              type,
              ROLE_KINDS[local % ROLE_KINDS.length]!.level,
              uuid(T.school, school),
              seats,
              0,
              date(start),
              date(start + 240 * DAY),
              10 + below(p.seed, S.hours, o, 70),
              '',
            );
          }
      }.bind(this),
    };
  }

  opportunityCompetencies(): TableRows {
    const p = this.p;
    return {
      table: 'opportunity_competencies',
      columns: ['opportunity_id', 'competency_id', 'position'],
      rows: function* () {
        for (let o = 0; o < p.oOff[p.D]!; o++) {
          const targets = p.targets[o % ROLE_KINDS.length]!;
          yield line(uuid(T.opportunity, o), p.competencyIds[targets[0]!]!, 0);
          yield line(uuid(T.opportunity, o), p.competencyIds[targets[1]!]!, 1);
        }
      },
    };
  }

  assignments(): TableRows {
    const p = this.p;
    return {
      table: 'assignments',
      columns: [
        'id',
        'created_at',
        'updated_at',
        'district_id',
        'opportunity_id',
        'candidate_id',
        'status',
        'due_on',
        'hours_logged',
        'reflection',
        'outcome_note',
        'assigned_by_user_id',
        'started_at',
        'ended_at',
      ],
      rows: function* () {
        for (let c = 0; c < p.C; c++) {
          const o = p.cAssign[c]!;
          if (o < 0) continue;
          const d = p.candidateDistrict(c);
          const path = p.path(c);
          const at = path[Math.min(2, path.length - 1)]!.at;
          const status = p.assignmentStatus(c);
          const started = status === 'assigned' ? null : at + 7 * DAY;
          const ended = status === 'completed' || status === 'withdrawn' ? at + 90 * DAY : null;
          yield line(
            uuid(T.assignment, c),
            ts(at),
            ts(ended ?? started ?? at),
            uuid(T.district, d),
            uuid(T.opportunity, o),
            uuid(T.candidate, c),
            status,
            date(at + 120 * DAY),
            status === 'assigned' ? '0.0' : `${5 + below(p.seed, S.hours, c, 60)}.0`,
            status === 'completed' ? 'Led the planning sessions and presented to the board.' : '',
            '',
            p.coordinatorUser(d),
            started === null ? null : ts(started),
            ended === null ? null : ts(ended),
          );
        }
      },
    };
  }

  positions(): TableRows {
    const p = this.p;
    return {
      table: 'positions',
      columns: [
        'id',
        'created_at',
        'updated_at',
        'district_id',
        'school_id',
        'role_id',
        'title',
        'incumbent_educator_id',
        'status',
        'projected_vacancy_on',
        'placed_candidate_id',
        'filled_at',
      ],
      rows: function* (this: Rows) {
        for (let d = 0; d < p.D; d++) {
          const schools = p.sOff[d + 1]! - p.sOff[d]!;
          for (let pos = p.pOff[d]!; pos < p.pOff[d + 1]!; pos++) {
            const j = pos - p.pOff[d]!;
            // Principal of every school, then assistant principals, then district seats.
            const kind = j < schools ? PRINCIPAL_KIND : j < 2 * schools ? AP_KIND : 4 + (j % 2);
            const school = kind === PRINCIPAL_KIND || kind === AP_KIND ? p.sOff[d]! + (j % schools) : null;
            const filled = unit(p.seed, S.filled, pos) >= 0.08;
            const incumbent = filled ? p.eOff[d + 1]! - 1 - j : null;
            const projected =
              filled && unit(p.seed, S.projected, pos) < 0.18
                ? date(p.asOf + (30 + below(p.seed, S.projected, pos + 1_000_000, 1065)) * DAY)
                : null;
            const at = this.created(d);
            const title =
              school === null
                ? `${ROLE_KINDS[kind]!.title} ${j + 1}`
                : `${ROLE_KINDS[kind]!.title}, ${this.schoolName(school)}`;
            yield line(
              uuid(T.position, pos),
              at,
              at,
              uuid(T.district, d),
              school === null ? null : uuid(T.school, school),
              p.roleId(d, kind),
              title,
              incumbent === null ? null : uuid(T.educator, incumbent),
              filled ? 'filled' : 'vacant',
              projected,
              null,
              filled ? ts(p.asOf - (200 + below(p.seed, S.filled, pos + 1_000_000, 3000)) * DAY) : null,
            );
          }
        }
      }.bind(this),
    };
  }

  /**
   * The audit trail the triggers would have written for the rows created: evidence, stage moves (the
   * transition row and the candidate's update), nominations and educators, taken evenly from each source in
   * proportion to the tier's audit count, then sign-ins to make up the rest.
   */
  audit(part = 0, parts = 1): TableRows {
    const p = this.p;
    const moves = p.tOff[p.C]! - p.C;
    const sources = [p.tier.evidence, p.tOff[p.C]!, moves, p.tier.nominations, p.tier.educators];
    const available = sources.reduce((a, b) => a + b, 0);
    const quota = available <= p.tier.audit ? sources : apportionCounts(p.tier.audit, sources);
    const logins = p.tier.audit - quota.reduce((a, b) => a + b, 0);
    const pick = (k: number, i: number) => Math.floor((i * sources[k]!) / quota[k]!);
    // This part's share [lo, hi) of the whole sequence, and where each source starts in it.
    const sizes = [...quota, logins];
    const base = offsets(sizes);
    const lo = Math.floor((part * p.tier.audit) / parts);
    const hi = Math.floor(((part + 1) * p.tier.audit) / parts);
    const from = (k: number) => Math.min(sizes[k]!, Math.max(0, lo - base[k]!));
    const to = (k: number) => Math.max(from(k), Math.min(sizes[k]!, hi - base[k]!));
    let id = 0;
    const start = (k: number) => {
      id = base[k]! + from(k);
      return from(k);
    };
    const row = (
      at: number,
      d: number | null,
      actor: string | null,
      action: string,
      entity: string,
      entityId: string,
      changes: string,
    ) =>
      line(
        uuid(T.audit, id++),
        ts(at),
        d === null ? null : uuid(T.district, d),
        actor,
        action,
        entity,
        entityId,
        changes,
        null,
      );
    // The trigger's `{"column": {"after": value}}`, written out directly: JSON.stringify of nested objects
    // is the slowest step of the whole generator.
    const after = (cols: string[], vals: (string | number | null)[], skip: string[], redact: string[] = []) => {
      let json = '{';
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i]!;
        if (skip.includes(c)) continue;
        const x = redact.includes(c) ? '[redacted]' : vals[i];
        json += `${json.length > 1 ? ',' : ''}"${c}":{"after":${x === null ? 'null' : typeof x === 'string' ? JSON.stringify(x) : x}}`;
      }
      return json + '}';
    };
    const memo = { c: -1, path: [] as Transition[] };
    const pathOf = (c: number) => (memo.c === c ? memo.path : ((memo.c = c), (memo.path = p.path(c))));
    const SKIP = ['created_at', 'updated_at', 'version'];
    // Moves (transitions after each candidate's first) before candidate c.
    const mOff = Int32Array.from(p.tOff, (o, x) => o - x);
    return {
      table: 'audit_log',
      columns: [
        'id',
        'occurred_at',
        'district_id',
        'actor_user_id',
        'action',
        'entity',
        'entity_id',
        'changes',
        'correlation_id',
      ],
      rows: function* (this: Rows) {
        for (let i = start(0); i < to(0); i++) {
          const j = pick(0, i);
          const c = upperBound(p.evOff, j) - 1;
          const vals = this.evidenceValues(c, j, pathOf(c));
          yield row(
            Date.parse(vals[10] as string),
            p.candidateDistrict(c),
            vals[9] as string,
            'create',
            'evidence',
            vals[0] as string,
            after(this.evidenceColumns, vals, SKIP),
          );
        }
        for (let i = start(1); i < to(1); i++) {
          const t = pick(1, i);
          const c = upperBound(p.tOff, t) - 1;
          const tr = pathOf(c)[t - p.tOff[c]!]!;
          const vals = this.transitionValues(c, t - p.tOff[c]!, tr);
          yield row(
            tr.at,
            p.candidateDistrict(c),
            tr.actor,
            'create',
            'stage_transitions',
            vals[0] as string,
            after(this.transitionColumns, vals, SKIP),
          );
        }
        for (let i = start(2); i < to(2); i++) {
          const k = pick(2, i);
          const c = upperBound(mOff, k) - 1;
          const path = pathOf(c);
          const local = k - mOff[c]! + 1;
          const tr = path[local]!;
          const prev = path[local - 1]!;
          const changes: Record<string, unknown> = {
            stage: { before: tr.from, after: tr.to },
            stage_entered_at: { before: ts(prev.at), after: ts(tr.at) },
          };
          if (tr.to === 'paused' || tr.from === 'paused')
            changes.paused_from = {
              before: tr.from === 'paused' ? tr.to : null,
              after: tr.to === 'paused' ? tr.from : null,
            };
          if (tr.exitReason) changes.exit_reason = { before: null, after: tr.exitReason };
          yield row(
            tr.at,
            p.candidateDistrict(c),
            tr.actor,
            'update',
            'candidates',
            uuid(T.candidate, c),
            JSON.stringify(changes),
          );
        }
        for (let i = start(3); i < to(3); i++) {
          const n = pick(3, i);
          const vals = this.nominationValues(n);
          yield row(
            p.nominatedAt(n),
            p.nominationDistrict(n),
            p.nominatorUser(n),
            'create',
            'nominations',
            vals[0] as string,
            after(this.nominationColumns, vals, SKIP),
          );
        }
        for (let i = start(4); i < to(4); i++) {
          const e = pick(4, i);
          const vals = this.educatorValues(e);
          const d = p.educatorDistrict(e);
          yield row(
            Date.parse(vals[1] as string),
            d,
            p.hrUser(d),
            'create',
            'educators',
            vals[0] as string,
            after(this.educatorColumns, vals, SKIP, ['gender', 'race_ethnicity']),
          );
        }
        for (let i = start(5); i < to(5); i++) {
          const d = i % p.D;
          const user = i % 3 === 0 ? p.hrUser(d) : i % 3 === 1 ? p.superintendentUser(d) : p.coordinatorUser(d);
          yield row(
            p.asOf - (1 + (i % 700)) * DAY + (i % 36_000) * 1000,
            d,
            user,
            'login_succeeded',
            'users',
            user,
            '{}',
          );
        }
      }.bind(this),
    };
  }
}

function apportionCounts(total: number, sizes: number[]): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  const parts = sizes.map((s) => Math.floor((total * s) / sum));
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k = (k + 1) % parts.length, left--) parts[k]!++;
  return parts;
}
