import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { ProfileEntryDto, PutRoleTargetsDto, RoleTargetDto } from './profile.dto.js';
import { ProfileService } from './profile.service.js';

@ApiTags('competencies')
@Controller()
export class ProfileController {
  constructor(private readonly service: ProfileService) {}

  /** The rubric level the role needs on each framework node. */
  @Get('leadership-roles/:id/targets')
  @Authenticated({ permission: Permission.LeadershipRoleRead })
  @ApiOkResponse({ type: [RoleTargetDto] })
  getRoleTargets(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<RoleTargetDto[]> {
    return this.service.targets(auth, id);
  }

  /** Replaces the role's targets (hr). */
  @Put('leadership-roles/:id/targets')
  @Authenticated({ permission: Permission.LeadershipRoleManage })
  @ApiOkResponse({ type: [RoleTargetDto] })
  putRoleTargets(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: PutRoleTargetsDto,
  ): Promise<RoleTargetDto[]> {
    return this.service.putTargets(auth, id, dto);
  }

  /** For each target of the candidate's role: the current level, its evidence, related evidence and the gap. */
  @Get('candidates/:id/competency-profile')
  @Authenticated({ permission: Permission.CandidateRead })
  @ApiOkResponse({ type: [ProfileEntryDto] })
  getCompetencyProfile(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<ProfileEntryDto[]> {
    return this.service.profile(auth, id);
  }
}
