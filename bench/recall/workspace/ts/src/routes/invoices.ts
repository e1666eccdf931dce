import { type Request, type Response } from '../middleware/auth';
import { pool } from '../db/pool';

export async function voidInvoice(req: Request, res: Response): Promise<void> {
  await pool.query('UPDATE invoices SET status = $1 WHERE id = $2', ['void', req.params['id']]);
  res.status(204).json({});
}
