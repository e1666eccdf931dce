export interface Request {
  headers: Record<string, string | undefined>;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: unknown;
  userId?: string;
}

export interface Response {
  status(code: number): Response;
  json(body: unknown): void;
}

export type Handler = (req: Request, res: Response) => Promise<void>;

export function requireAuth(handler: Handler): Handler {
  return async (req, res) => {
    if (!req.headers['authorization']) {
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    await handler(req, res);
  };
}
