import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { Auth, Authenticated } from '../../auth/authenticated.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { ApiListQuery, ListParams } from '../../common/pagination/list-query.decorator.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import { sendPage } from '../../common/pagination/list-reply.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  AnswerMentorshipDto,
  EndMentorshipDto,
  LogSessionDto,
  MENTOR_LIST,
  MentorDto,
  MentoringSessionDto,
  MENTORSHIP_LIST,
  MentorshipDto,
  MentorSuggestionsDto,
  PutMentorDto,
  RequestMentorshipDto,
} from './mentor.dto.js';
import { MentorService } from './mentor.service.js';

@ApiTags('mentors')
@Controller()
export class MentorController {
  constructor(private readonly service: MentorService) {}

  /** The district's mentors, with their capacity and how many mentees they have. */
  @Get('mentors')
  @Authenticated({ permission: Permission.MentorRead })
  @ApiListQuery(MENTOR_LIST)
  @ApiOkResponse({ type: [MentorDto] })
  async listMentors(
    @Auth() auth: AuthContext,
    @ListParams(MENTOR_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MentorDto[]> {
    return sendPage(reply, await this.service.listMentors(auth, query));
  }

  /** Marks the educator as a mentor with a capacity, or changes it; `active: false` retires them. */
  @Put('educators/:id/mentor')
  @Authenticated({ permission: Permission.MentorManage })
  @ApiOkResponse({ type: MentorDto })
  putMentor(@Auth() auth: AuthContext, @Param() { id }: UuidParam, @Body() dto: PutMentorDto): Promise<MentorDto> {
    return this.service.putMentor(auth, id, dto);
  }

  /** Mentors who fit this candidacy: ranked with their strengths for the program, a shortlist for the candidate. */
  @Get('candidates/:id/mentor-suggestions')
  @Authenticated({ permission: Permission.MentorshipRequest })
  @ApiOkResponse({ type: MentorSuggestionsDto })
  mentorSuggestions(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<MentorSuggestionsDto> {
    return this.service.suggestions(auth, id);
  }

  /** Asks a mentor to take this candidacy on. */
  @Post('candidates/:id/mentorships')
  @Authenticated({ permission: Permission.MentorshipRequest })
  @ApiCreatedResponse({ type: MentorshipDto })
  requestMentorship(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: RequestMentorshipDto,
  ): Promise<MentorshipDto> {
    return this.service.request(auth, id, dto);
  }

  /** Mentorships of candidacies in scope, and (an educator) those where the caller is the mentor. */
  @Get('mentorships')
  @Authenticated({ permission: Permission.MentorshipRead })
  @ApiListQuery(MENTORSHIP_LIST)
  @ApiOkResponse({ type: [MentorshipDto] })
  async listMentorships(
    @Auth() auth: AuthContext,
    @ListParams(MENTORSHIP_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MentorshipDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get('mentorships/:id')
  @Authenticated({ permission: Permission.MentorshipRead })
  @ApiOkResponse({ type: MentorshipDto })
  getMentorship(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<MentorshipDto> {
    return this.service.get(auth, id);
  }

  /** The mentor's answer to a request. */
  @Post('mentorships/:id/answer')
  @HttpCode(200)
  @Authenticated({ permission: Permission.MentorshipAnswer })
  @ApiOkResponse({ type: MentorshipDto })
  answerMentorship(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: AnswerMentorshipDto,
  ): Promise<MentorshipDto> {
    return this.service.answer(auth, id, dto);
  }

  /** Withdraws a request not yet answered, or ends an active mentorship. */
  @Post('mentorships/:id/end')
  @HttpCode(200)
  @Authenticated({ permission: Permission.MentorshipRequest })
  @ApiOkResponse({ type: MentorshipDto })
  endMentorship(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: EndMentorshipDto,
  ): Promise<MentorshipDto> {
    return this.service.end(auth, id, dto);
  }

  /** The sessions logged, newest first. */
  @Get('mentorships/:id/sessions')
  @Authenticated({ permission: Permission.MentorshipRead })
  @ApiOkResponse({ type: [MentoringSessionDto] })
  mentoringSessions(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<MentoringSessionDto[]> {
    return this.service.sessions(auth, id);
  }

  /** Logs a session that took place (the mentor or the mentee). */
  @Post('mentorships/:id/sessions')
  @Authenticated({ permission: Permission.MentorshipLog })
  @ApiCreatedResponse({ type: MentoringSessionDto })
  logMentoringSession(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: LogSessionDto,
  ): Promise<MentoringSessionDto> {
    return this.service.logSession(auth, id, dto);
  }
}
