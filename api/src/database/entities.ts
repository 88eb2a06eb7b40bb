import { PasswordTokenEntity } from '../auth/password-token.entity.js';
import { DistrictEntity } from '../modules/districts/district.entity.js';
import { SchoolEntity } from '../modules/schools/school.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';

/** Every entity, listed as classes so one DataSource works in tsc output, ts-jest and the CLI. */
export const entities = [DistrictEntity, SchoolEntity, UserEntity, PasswordTokenEntity];
