import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { ListSpec } from './list-query.js';
import { parseListQuery } from './list-query.js';

/** Injects the parsed and allow-list-checked `sort`/`range`/`filter` of a list route. */
export const ListParams = createParamDecorator((spec: ListSpec, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return parseListQuery((request.query ?? {}) as Record<string, unknown>, spec);
});

/** Documents the list dialect of a route in OpenAPI from the same spec the parser enforces. */
export function ApiListQuery(spec: ListSpec): MethodDecorator {
  const filters = ['q', 'id', ...Object.keys(spec.filters)].filter((k) => k !== 'q' || spec.search?.length);
  return applyDecorators(
    ApiQuery({
      name: 'sort',
      required: false,
      description: `JSON ["field","ASC"|"DESC"]; fields: ${Object.keys(spec.sort).join(', ')}`,
      example: JSON.stringify(spec.defaultSort),
    }),
    ApiQuery({
      name: 'range',
      required: false,
      description: 'JSON [start,end], inclusive; at most 1,000 rows',
      example: '[0,24]',
    }),
    ApiQuery({
      name: 'filter',
      required: false,
      description: `JSON object; keys: ${filters.join(', ')}; an array value means any of`,
      example: '{}',
    }),
    ApiResponse({ status: 400, description: 'Unknown filter or sort field, or malformed sort/range/filter' }),
    ApiHeader({ name: 'Content-Range', description: `Returned: ${spec.resource} start-end/total`, required: false }),
  );
}
