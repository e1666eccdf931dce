import { type Request, type Response } from '../middleware/auth';
import { searchOrders, listOrders, insertOrder } from '../db/orders';
import { type CreateOrderInput } from '../types/order';

export async function searchOrdersHandler(req: Request, res: Response): Promise<void> {
  const term = req.query['q'] ?? '';
  const orders = await searchOrders(term);
  res.status(200).json(orders);
}

export async function listOrdersHandler(req: Request, res: Response): Promise<void> {
  const orders = await listOrders(req.params['customerId']);
  res.status(200).json(orders);
}

export async function createOrder(req: Request, res: Response): Promise<void> {
  const input = req.body as CreateOrderInput;
  const order = await insertOrder(input);
  res.status(201).json(order);
}

export async function pagedOrdersHandler(req: Request, res: Response): Promise<void> {
  const limit = parseLimit(req.query['limit']);
  const orders = await listOrders(req.params['customerId']);
  res.status(200).json(orders.slice(0, limit));
}

function parseLimit(raw: string | undefined): number {
  return Number(raw);
}
