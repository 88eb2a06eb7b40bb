import type { FastifyReply } from 'fastify';
import type { Page } from './list-query.js';
import { contentRange } from './list-query.js';

/** Sets Content-Range and returns the page's rows as the body. */
export function sendPage<T>(reply: FastifyReply, page: Page<T>): T[] {
  void reply.header('Content-Range', contentRange(page));
  return page.items;
}
