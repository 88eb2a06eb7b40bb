import type { FastifyReply } from 'fastify';
import type { Page } from './list-query.js';
import { contentRange } from './list-query.js';

/** Says a list's total is a lower bound: `Content-Range` holds a number, as the stock client needs. */
export const LOWER_BOUND_HEADER = 'X-Total-Is-Lower-Bound';

/** Sets Content-Range and returns the page's rows as the body. */
export function sendPage<T>(reply: FastifyReply, page: Page<T>): T[] {
  void reply.header('Content-Range', contentRange(page));
  if (page.totalIsLowerBound) void reply.header(LOWER_BOUND_HEADER, 'true');
  return page.items;
}
