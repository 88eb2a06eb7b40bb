import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { PlacementService } from './placement.service.js';
import {
  BenchResponseDto,
  CreatePositionDto,
  PlacementDto,
  PlacementResponseDto,
  POSITION_LIST,
  PositionResponseDto,
  UpdatePositionDto,
} from './position.dto.js';
import { PositionService } from './position.service.js';
import { SlateDecisionDto, SlateFreezeDto, SlateResponseDto } from './slate.dto.js';
import { SlateService } from './slate.service.js';

@ApiTags('positions')
@Controller('positions')
export class PositionController {
  constructor(
    private readonly service: PositionService,
    private readonly placement: PlacementService,
    private readonly slates: SlateService,
  ) {}

  @Get()
  @Authenticated({ permission: Permission.PositionRead })
  @ApiListQuery(POSITION_LIST)
  @ApiOkResponse({ type: [PositionResponseDto] })
  async listPositions(
    @Auth() auth: AuthContext,
    @ListParams(POSITION_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PositionResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.PositionRead })
  @ApiOkResponse({ type: PositionResponseDto })
  getPosition(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<PositionResponseDto> {
    return this.service.get(auth, id);
  }

  /** A seat: a school (or the district office) × a leadership role; status follows the incumbent. */
  @Post()
  @Authenticated({ permission: Permission.PositionManage })
  @ApiCreatedResponse({ type: PositionResponseDto })
  createPosition(@Auth() auth: AuthContext, @Body() dto: CreatePositionDto): Promise<PositionResponseDto> {
    return this.service.create(auth, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.PositionManage })
  @ApiOkResponse({ type: PositionResponseDto })
  updatePosition(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdatePositionDto,
  ): Promise<PositionResponseDto> {
    return this.service.update(auth, id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.PositionManage })
  @ApiOkResponse({ type: PositionResponseDto, description: 'The deleted position' })
  deletePosition(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<PositionResponseDto> {
    return this.service.remove(auth, id);
  }

  /** The role's active candidates by confirmed readiness, each with a profile summary. */
  @Get(':id/bench')
  @Authenticated({ permission: Permission.PositionRead })
  @ApiOkResponse({ type: BenchResponseDto })
  getPositionBench(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<BenchResponseDto> {
    return this.placement.bench(auth, id);
  }

  /** Places a ready candidate for the seat's role: fills the seat and moves them to placed, in one transaction. */
  @Post(':id/placement')
  @Authenticated({ permission: Permission.PositionPlace })
  @HttpCode(200)
  @ApiOkResponse({ type: PlacementResponseDto })
  placeCandidate(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: PlacementDto,
  ): Promise<PlacementResponseDto> {
    return this.placement.place(auth, id, dto);
  }

  /** The seat's slate: the role's candidates who accepted, ranked, each with the factors that explain the rank. */
  @Get(':id/slate')
  @Authenticated({ permission: Permission.SlateRead })
  @ApiOkResponse({ type: SlateResponseDto })
  getSlate(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<SlateResponseDto> {
    return this.slates.get(auth, id);
  }

  /** Pins a candidate to the top of the slate, excludes them with a reason, or (`none`) takes that back. */
  @Post(':id/slate/decisions')
  @Authenticated({ permission: Permission.SlateManage })
  @HttpCode(200)
  @ApiOkResponse({ type: SlateResponseDto })
  decideSlate(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: SlateDecisionDto,
  ): Promise<SlateResponseDto> {
    return this.slates.decide(auth, id, dto);
  }

  /** Freezes the slate as it stands (kept until unfrozen) or unfreezes it; the same state again changes nothing. */
  @Put(':id/slate/freeze')
  @Authenticated({ permission: Permission.SlateManage })
  @ApiOkResponse({ type: SlateResponseDto })
  freezeSlate(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: SlateFreezeDto,
  ): Promise<SlateResponseDto> {
    return this.slates.freeze(auth, id, dto.frozen);
  }
}
