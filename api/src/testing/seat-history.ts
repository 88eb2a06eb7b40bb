import type { SeatState, Tenure } from '../modules/succession/forecast-model.js';
import {
  eligibleSchoolYear,
  firstDay,
  seatState,
  wholeYears,
  type PensionRule,
} from '../modules/succession/forecast-model.js';
import { SeededRandom } from './random.js';

/** A person who held a seat in the simulated history. */
export interface SimulatedPerson {
  id: string;
  birthYear: number;
  serviceStartOn: string;
}

export interface SeatHistoryOptions {
  seats: { seatId: string; roleId: string }[];
  /** The true yearly chance of leaving, per role and state: what a backtest should recover. */
  rates: (roleId: string) => Record<SeatState, number>;
  /** When a seat of a role opens: the chance it is filled by the holder of a seat of another role. */
  chains?: (roleId: string) => { fromRoleId: string; share: number }[];
  rules: PensionRule[];
  /** The first and the last complete school year simulated. */
  fromYear: number;
  toYear: number;
  seed: number;
  /** Ids for new people (a counter suffix is enough for tests). */
  personId: (n: number) => string;
  /**
   * Someone to take a seat, instead of a new person with a drawn age: e.g. a past holder from the roster, whose
   * recorded birth year and service start then decide their eligibility.
   */
  newPerson?: (n: number) => SimulatedPerson;
}

export interface SeatHistory {
  tenures: Tenure[];
  people: SimulatedPerson[];
  /** Openings per role and school year, as simulated (one per seat and year at most). */
  openings: Map<string, Map<number, number>>;
}

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/**
 * Seat history drawn from known rates, forward from July 1 of `fromYear`: each seat starts held by someone
 * who has been there 0–12 years; every school year each incumbent leaves with the chance of their state
 * (new, settled, retirement-eligible by `rules`) on a random day; the seat is filled 0–90 days later by the
 * holder of another role's seat (whose seat opens that day) or by a new person. At most one opening per seat
 * and year, as the forecast assumes.
 */
export function simulateSeatHistory(o: SeatHistoryOptions): SeatHistory {
  const r = new SeededRandom(o.seed);
  const people: SimulatedPerson[] = [];
  const person = (ageAtStart: number, start: string): SimulatedPerson => {
    if (o.newPerson) {
      const chosen = o.newPerson(people.length);
      people.push(chosen);
      return chosen;
    }
    const birthYear = Number(start.slice(0, 4)) - ageAtStart;
    const serviceStartOn = `${birthYear + r.int(22, 29)}-0${r.int(7, 9)}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const p = { id: o.personId(people.length), birthYear, serviceStartOn };
    people.push(p);
    return p;
  };
  const eligible = new Map<string, number | null>();
  const eligibleOf = (p: SimulatedPerson) => {
    if (!eligible.has(p.id)) eligible.set(p.id, eligibleSchoolYear(p.birthYear, p.serviceStartOn, o.rules));
    return eligible.get(p.id)!;
  };
  const tenures: Tenure[] = [];
  const open = new Map<string, { tenure: Tenure; person: SimulatedPerson }>();
  const begin = (seatId: string, roleId: string, p: SimulatedPerson, day: string) => {
    const tenure: Tenure = { seatId, roleId, educatorId: p.id, startedOn: day, endedOn: null, vacated: true };
    tenures.push(tenure);
    open.set(seatId, { tenure, person: p });
  };
  const start = firstDay(o.fromYear);
  for (const s of o.seats) {
    const tenureStart = addDays(start, -r.int(0, 12 * 365));
    begin(s.seatId, s.roleId, person(r.int(32, 60), tenureStart), tenureStart);
  }
  const openings = new Map<string, Map<number, number>>();
  const count = (roleId: string, y: number) => {
    const m = openings.get(roleId) ?? new Map<number, number>();
    m.set(y, (m.get(y) ?? 0) + 1);
    openings.set(roleId, m);
  };
  for (let y = o.fromYear; y <= o.toYear; y++) {
    const day0 = firstDay(y);
    const openedThisYear = new Set<string>();
    // Who leaves this year, decided from the state on July 1.
    const leaving = o.seats.filter((s) => {
      const held = open.get(s.seatId);
      if (!held) return false;
      const state = seatState(wholeYears(held.tenure.startedOn, day0), eligibleOf(held.person), y);
      return r.chance(o.rates(s.roleId)[state]);
    });
    for (const s of leaving) {
      const held = open.get(s.seatId);
      if (!held || openedThisYear.has(s.seatId)) continue;
      const leftOn = addDays(day0, r.int(0, 300));
      held.tenure.endedOn = leftOn;
      open.delete(s.seatId);
      openedThisYear.add(s.seatId);
      count(s.roleId, y);
      const fillOn = addDays(leftOn, r.int(0, 60));
      // A chain: the holder of another role's seat moves up, and their seat opens the day they move.
      const from = (o.chains?.(s.roleId) ?? []).find((c) => r.chance(c.share));
      const donor = from
        ? o.seats.find(
            (d) =>
              d.roleId === from.fromRoleId &&
              open.has(d.seatId) &&
              !openedThisYear.has(d.seatId) &&
              open.get(d.seatId)!.tenure.startedOn < fillOn,
          )
        : undefined;
      if (donor) {
        const moving = open.get(donor.seatId)!;
        moving.tenure.endedOn = fillOn;
        open.delete(donor.seatId);
        openedThisYear.add(donor.seatId);
        count(donor.roleId, y);
        begin(s.seatId, s.roleId, moving.person, fillOn);
        begin(donor.seatId, donor.roleId, person(r.int(28, 45), fillOn), addDays(fillOn, r.int(0, 30)));
      } else begin(s.seatId, s.roleId, person(r.int(30, 52), fillOn), fillOn);
    }
  }
  // A start after the last simulated year would be a fill the history cannot have seen yet.
  const end = firstDay(o.toYear + 1);
  for (const t of tenures) if (t.startedOn >= end) t.startedOn = addDays(end, -1);
  return { tenures, people, openings };
}

/** A seat as it is today: its incumbent (null: vacant) and the day they took it. */
export interface SeatToday {
  seatId: string;
  incumbent: string | null;
  filledOn: string | null;
}

/**
 * Joins a simulated history to today's seats as they are: a filled seat keeps its incumbent from the day they
 * took it, with the history before that day (a tenure running past it ends that day); a vacant seat's last
 * holder left between 20 and 120 days before `today`. Tenures the cut leaves empty go.
 */
export function joinHistoryToSeats(tenures: Tenure[], seats: SeatToday[], today: string, seed: number): Tenure[] {
  const r = new SeededRandom(seed);
  const bySeat = new Map<string, Tenure[]>();
  for (const t of tenures) bySeat.set(t.seatId, [...(bySeat.get(t.seatId) ?? []), t]);
  const kept: Tenure[] = [];
  for (const seat of seats) {
    const own = (bySeat.get(seat.seatId) ?? []).sort((a, b) => a.startedOn.localeCompare(b.startedOn));
    if (own.length === 0) continue;
    if (seat.incumbent && seat.filledOn) {
      for (const t of own.filter((x) => x.startedOn < seat.filledOn!))
        kept.push(t.endedOn === null || t.endedOn > seat.filledOn ? { ...t, endedOn: seat.filledOn } : t);
      kept.push({ ...own[0]!, educatorId: seat.incumbent, startedOn: seat.filledOn, endedOn: null, vacated: true });
    } else {
      for (const t of own) kept.push(t.endedOn === null ? { ...t, endedOn: addDays(today, -r.int(20, 120)) } : t);
    }
  }
  return kept.filter((t) => t.endedOn === null || t.endedOn >= t.startedOn);
}
