import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import type { ListSpec } from './list-query.js';
import { parseListQuery } from './list-query.js';

/** A list whose allow-lists are narrower when the caller sees only themself (an educator). */
export interface ScopedListSpec {
  spec: ListSpec;
  self: ListSpec;
}

/** Injects the parsed and allow-list-checked `sort`/`range`/`filter` of a list route. */
export const ListParams = createParamDecorator((data: ListSpec | ScopedListSpec, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { user?: AuthContext }>();
  const spec = 'self' in data ? (request.user?.scope.kind === 'self' ? data.self : data.spec) : data;
  return parseListQuery((request.query ?? {}) as Record<string, unknown>, spec);
});

/** Documents the list dialect of a route in OpenAPI from the same spec the parser enforces. */
export function ApiListQuery(data: ListSpec | ScopedListSpec): MethodDecorator {
  const spec = 'self' in data ? data.spec : data;
  const filters = ['q', 'id', ...Object.keys(spec.filters)].filter((k) => k !== 'q' || spec.search?.terms.length);
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
    ApiHeader({
      name: 'Content-Range',
      description:
        `Returned: ${spec.resource} start-end/total` +
        (spec.exactCountUpTo
          ? `. The total is exact up to ${spec.exactCountUpTo} rows past the start; beyond, it is a lower bound and ` +
            'the answer carries X-Total-Is-Lower-Bound: true.'
          : ''),
      required: false,
    }),
  );
}
