import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password.js';
import type { Role } from '../auth/permissions.js';
import { DistrictEntity } from '../modules/districts/district.entity.js';
import type { GradeBand } from '../modules/schools/school.entity.js';
import { SchoolEntity } from '../modules/schools/school.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { SeededRandom } from './random.js';

export const DEFAULT_PASSWORD = 'emerge-demo-pass';

let sequence = 0;
const next = () => ++sequence;

/**
 * Test and demo data builders: `build` returns plain values, `create` persists them, creating related
 * rows on demand. The demo scenario and the e2e tests use the same ones.
 */
export class Factories {
  private passwordHashes = new Map<string, Promise<string>>();

  constructor(
    readonly db: DataSource | EntityManager,
    readonly random = new SeededRandom(1),
  ) {}

  /** argon2id is deliberately slow: hash each distinct password once per process. */
  passwordHash(password = DEFAULT_PASSWORD): Promise<string> {
    let hash = this.passwordHashes.get(password);
    if (!hash) {
      hash = hashPassword(password);
      this.passwordHashes.set(password, hash);
    }
    return hash;
  }

  buildDistrict(overrides: Partial<DistrictEntity> = {}): Partial<DistrictEntity> {
    const n = next();
    return {
      name: `District ${n}`,
      slug: `district-${n}-${Date.now().toString(36)}`,
      smallCellThreshold: 10,
      ...overrides,
    };
  }

  createDistrict(overrides: Partial<DistrictEntity> = {}): Promise<DistrictEntity> {
    const repo = this.db.getRepository(DistrictEntity);
    return repo.save(repo.create(this.buildDistrict(overrides)));
  }

  buildSchool(overrides: Partial<SchoolEntity> = {}): Partial<SchoolEntity> {
    const n = next();
    const gradeBand: GradeBand = overrides.gradeBand ?? 'high';
    return { name: `School ${n}`, code: `S${n}`, gradeBand, ...overrides };
  }

  async createSchool(overrides: Partial<SchoolEntity> = {}): Promise<SchoolEntity> {
    const districtId = overrides.districtId ?? (await this.createDistrict()).id;
    const repo = this.db.getRepository(SchoolEntity);
    return repo.save(repo.create(this.buildSchool({ ...overrides, districtId })));
  }

  /** A user with a password (DEFAULT_PASSWORD unless given); `schoolIds` are the schools a principal leads. */
  async createUser(
    overrides: Partial<Omit<UserEntity, 'schools'>> & {
      role?: Role;
      schoolIds?: string[];
      password?: string | null;
    } = {},
  ): Promise<UserEntity & { schoolIds: string[] }> {
    const { schoolIds = [], password = DEFAULT_PASSWORD, ...rest } = overrides;
    const role = rest.role ?? 'hr';
    const districtId = role === 'platform_admin' ? null : (rest.districtId ?? (await this.createDistrict()).id);
    const n = next();
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.save(
      repo.create({
        email: `user${n}.${Date.now().toString(36)}@test.example`,
        name: `User ${n}`,
        active: true,
        ...rest,
        role,
        districtId,
        passwordHash: password === null ? null : await this.passwordHash(password),
      }),
    );
    if (schoolIds.length) {
      await this.db.query(`INSERT INTO user_schools (user_id, school_id) SELECT $1, unnest($2::uuid[])`, [
        user.id,
        schoolIds,
      ]);
    }
    return Object.assign(user, { schoolIds });
  }
}
