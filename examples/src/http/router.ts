import { type IncomingMessage, type ServerResponse } from 'node:http';

export interface Request {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** Set by requireAuth. */
  userId?: number;
}

export interface Response {
  status(code: number): Response;
  json(body: unknown): void;
}

export type Handler = (req: Request, res: Response) => void | Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handlers: Handler[];
}

const MAX_BODY_BYTES = 1_000_000;

/** A deliberately tiny express-style router: exact methods, `:param` segments, handlers run in order. */
export class Router {
  private readonly routes: Route[] = [];

  get(path: string, ...handlers: Handler[]): this {
    return this.add('GET', path, handlers);
  }

  post(path: string, ...handlers: Handler[]): this {
    return this.add('POST', path, handlers);
  }

  private add(method: string, path: string, handlers: Handler[]): this {
    const keys: string[] = [];
    const source = path.replace(/:(\w+)/g, (_, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), keys, handlers });
    return this;
  }

  async handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', 'http://localhost');
    const res = wrap(outgoing);
    const route = this.routes.find((r) => r.method === incoming.method && r.pattern.test(url.pathname));
    if (!route) {
      res.status(404).json({ error: 'Not found' });
      return;
    }
    const match = route.pattern.exec(url.pathname) ?? [];
    const params = Object.fromEntries(route.keys.map((key, i) => [key, decodeURIComponent(match[i + 1] ?? '')]));
    try {
      const body = await readJson(incoming);
      const req: Request = { method: route.method, path: url.pathname, params, query: url.searchParams, headers: incoming.headers, body };
      for (const handler of route.handlers) {
        await handler(req, res);
        if (outgoing.writableEnded) return;
      }
    } catch (err) {
      console.error(`${incoming.method} ${url.pathname} failed:`, err);
      if (!outgoing.headersSent) {
        outgoing.statusCode = 500;
        outgoing.end(String(err));
      }
    }
  }
}

function wrap(outgoing: ServerResponse): Response {
  const res: Response = {
    status(code) {
      outgoing.statusCode = code;
      return res;
    },
    json(body) {
      outgoing.setHeader('Content-Type', 'application/json');
      outgoing.end(JSON.stringify(body));
    },
  };
  return res;
}

async function readJson(incoming: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  if (chunks.length === 0) return undefined;
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}
