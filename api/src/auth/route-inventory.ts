import type { INestApplicationContext } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { ScopedListSpec } from '../common/pagination/list-query.decorator.js';
import type { ListSpec } from '../common/pagination/list-query.js';
import { AUTH_METADATA, AuthMetadata } from './authenticated.decorator.js';
import type { Permission } from './permissions.js';

/** The global prefix every route is served under (app.factory sets it). */
export const API_PREFIX = 'api';

/** One route of the running app, as its decorators declare it. */
export interface RouteInfo {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Full path with the prefix, parameters as `:id`, e.g. `/api/candidates/:id/readiness`. */
  path: string;
  /** `Controller.handler`. */
  handler: string;
  /** `null`: @Public. */
  permission: Permission | null;
  /** For list routes: the filters the list accepts that take a record id (uuid), caller-independent. */
  listIdFilters?: string[];
}

const METHODS: Partial<Record<RequestMethod, RouteInfo['method']>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

const ORDER: RouteInfo['method'][] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function joinPath(...parts: (string | string[] | undefined)[]): string {
  const segments = parts
    .flatMap((p) => (Array.isArray(p) ? p : [p]))
    .filter((p): p is string => typeof p === 'string')
    .flatMap((p) => p.split('/'))
    .filter((s) => s.length > 0);
  return `/${segments.join('/')}`;
}

/** The uuid filters of the list spec a handler's @ListParams carries (both specs of a scoped list). */
function listIdFilters(controller: object, name: string): string[] | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { data?: unknown }>;
  for (const arg of Object.values(args)) {
    const data = arg.data as ListSpec | ScopedListSpec | undefined;
    if (!data || typeof data !== 'object') continue;
    const specs = 'self' in data ? [data.spec, data.self] : 'filters' in data ? [data] : [];
    if (specs.length === 0) continue;
    const keys = new Set(['id']);
    for (const spec of specs) {
      for (const [key, def] of Object.entries(spec.filters)) if (def.type === 'uuid') keys.add(key);
    }
    return [...keys].sort();
  }
  return undefined;
}

/**
 * Every route of the running app with its method, full path and declared permission, read from Nest's
 * metadata (the same walk as the route-inventory test), sorted by path then method.
 */
export function routeInventory(app: INestApplicationContext, prefix = API_PREFIX): RouteInfo[] {
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (sub === undefined) continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        if (!method) throw new Error(`${controller.name}.${name}: unsupported HTTP method`);
        const meta = reflector.getAllAndOverride<AuthMetadata | undefined>(AUTH_METADATA, [
          handler as () => void,
          controller,
        ]);
        // The route-inventory test guarantees every route declares one; an undeclared one is denied anyway.
        if (!meta) throw new Error(`${controller.name}.${name} is neither @Public nor @Authenticated`);
        const bases = Array.isArray(base) ? base : [base];
        const subs = Array.isArray(sub) ? sub : [sub];
        for (const b of bases) {
          for (const s of subs) {
            const route: RouteInfo = {
              method,
              path: joinPath(prefix, b, s),
              handler: `${controller.name}.${name}`,
              permission: meta.public ? null : meta.permission,
            };
            const filters = method === 'GET' ? listIdFilters(controller, name) : undefined;
            if (filters) route.listIdFilters = filters;
            routes.push(route);
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || ORDER.indexOf(a.method) - ORDER.indexOf(b.method));
}
