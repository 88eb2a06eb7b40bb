/**
 * Fetching a CASE package from a CASE provider (`…/ims/case/v1p0/CFPackages/{id}`) on behalf of hr, without
 * letting the address reach inside the district's network: every connection, redirects included, goes through
 * an agent that refuses private, loopback, link-local and reserved addresses (checked on the address actually
 * connected to, so a name that resolves differently the second time gains nothing), unless CASE_FETCH_ALLOW
 * names them.
 */
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { useAgent } from 'request-filtering-agent';
import { AppError } from '../../common/errors/app-error.js';

export interface FetchOptions {
  allow: string[];
  timeoutMs: number;
  maxBytes: number;
}

const MAX_REDIRECTS = 3;
const refuse = (message: string) => AppError.validation({ url: message }, 'The CASE package could not be fetched');

function parse(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('must be a full address, e.g. https://case.example.org/ims/case/v1p0/CFPackages/<identifier>');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('must start with https:// (or http://)');
  if (url.username || url.password) throw refuse('must not carry a user name or password');
  return url;
}

function request(url: URL, options: FetchOptions, deadline: number): Promise<IncomingMessage> {
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const req = get(
      url,
      {
        agent: useAgent(url.href, { allowIPAddressList: options.allow }),
        headers: { accept: 'application/json' },
        timeout: Math.max(1, deadline - Date.now()),
      },
      resolve,
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

function explain(e: unknown, host: string): AppError {
  const message = e instanceof Error ? e.message : String(e);
  if (/is not allowed/i.test(message))
    return refuse(
      `${host} is on a private, loopback or reserved network, which an import may not reach unless an administrator allows it (CASE_FETCH_ALLOW)`,
    );
  if (message === 'timeout') return refuse(`${host} did not answer in time`);
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return refuse(`${host} could not be found`);
  return refuse(`${host} could not be reached (${message})`);
}

/** The parsed JSON at `raw`, following up to three redirects; a clear 400 on `url` for anything else. */
export async function fetchCasePackage(raw: string, options: FetchOptions): Promise<unknown> {
  let url = parse(raw);
  const deadline = Date.now() + options.timeoutMs;
  for (let hop = 0; ; hop++) {
    let res: IncomingMessage;
    try {
      res = await request(url, options, deadline);
    } catch (e) {
      throw explain(e, url.host);
    }
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      if (hop >= MAX_REDIRECTS) throw refuse(`${url.host} redirected more than ${MAX_REDIRECTS} times`);
      url = parse(new URL(res.headers.location, url).href);
      continue;
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw refuse(
        `${url.host} answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}: check the address`,
      );
    }
    const declared = Number(res.headers['content-length'] ?? 0);
    const tooBig = () =>
      refuse(
        `the package is larger than ${Math.round(options.maxBytes / (1024 * 1024))} MiB, the most one import takes`,
      );
    if (declared > options.maxBytes) {
      res.destroy();
      throw tooBig();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > options.maxBytes) {
          res.destroy();
          throw tooBig();
        }
        if (Date.now() > deadline) {
          res.destroy();
          throw new Error('timeout');
        }
        chunks.push(chunk);
      }
    } catch (e) {
      throw e instanceof AppError ? e : explain(e, url.host);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    } catch {
      throw refuse(`${url.host} did not answer with JSON: is this the address of a CASE package?`);
    }
  }
}
