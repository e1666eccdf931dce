import { type Request, type Response } from '../middleware/auth';
import { findUserById } from '../db/users';

export async function getUserHandler(req: Request, res: Response): Promise<void> {
  const user = await findUserById(req.params['id']);
  if (!user) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  res.status(200).json(user);
}
