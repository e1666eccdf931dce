import { type Request, type Response } from '../middleware/auth';
import { refundCharge } from '../services/payments';

export async function refundHandler(req: Request, res: Response): Promise<void> {
  const { chargeId, amountCents } = req.body as { chargeId: string; amountCents: number };
  const refund = await refundCharge(chargeId, amountCents);
  res.status(200).json(refund);
}
