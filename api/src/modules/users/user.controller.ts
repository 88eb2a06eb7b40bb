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
import { CreateUserDto, SignInLinkDto, UnlinkedDto, UpdateUserDto, USER_LIST, UserResponseDto } from './user.dto.js';
import { UserService } from './user.service.js';

@ApiTags('users')
@Controller('users')
export class UserController {
  constructor(private readonly service: UserService) {}

  @Get()
  @Authenticated({ permission: Permission.UserRead })
  @ApiListQuery(USER_LIST)
  @ApiOkResponse({ type: [UserResponseDto] })
  async listUsers(
    @Auth() auth: AuthContext,
    @ListParams(USER_LIST) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserResponseDto[]> {
    return sendPage(reply, await this.service.list(auth, query));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.UserRead })
  @ApiOkResponse({ type: UserResponseDto })
  getUser(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<UserResponseDto> {
    return this.service.get(auth, id);
  }

  /** Creates a staff login and returns a one-time set-password link for the person. */
  @Post()
  @Authenticated({ permission: Permission.UserManage })
  @ApiCreatedResponse({ type: UserResponseDto })
  createUser(@Auth() auth: AuthContext, @Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return this.service.create(auth, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.UserManage })
  @ApiOkResponse({ type: UserResponseDto })
  updateUser(
    @Auth() auth: AuthContext,
    @Param() { id }: UuidParam,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponseDto> {
    return this.service.update(auth, id, dto);
  }

  @Post(':id/password-link')
  @Authenticated({ permission: Permission.UserManage })
  @HttpCode(200)
  @ApiOkResponse({ type: UserResponseDto })
  issuePasswordLink(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<UserResponseDto> {
    return this.service.issuePasswordLink(auth, id);
  }

  /** The user's single sign-on links to district provider accounts. */
  @Get(':id/sign-in-links')
  @Authenticated({ permission: Permission.UserRead })
  @ApiOkResponse({ type: [SignInLinkDto] })
  listSignInLinks(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<SignInLinkDto[]> {
    return this.service.signInLinks(auth, id);
  }

  /** Removes them and ends the user's sessions; the next single sign-on links again (verified email, domain). */
  @Post(':id/sign-in-links/removal')
  @Authenticated({ permission: Permission.UserManage })
  @HttpCode(200)
  @ApiOkResponse({ type: UnlinkedDto })
  unlinkSignIn(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<UnlinkedDto> {
    return this.service.unlinkSignIn(auth, id);
  }

  /** Always 409: users are deactivated, never deleted. */
  @Delete(':id')
  @Authenticated({ permission: Permission.UserManage })
  deleteUser(@Auth() auth: AuthContext, @Param() { id }: UuidParam): Promise<never> {
    return this.service.remove(auth, id);
  }
}
