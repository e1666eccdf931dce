import { createOrder, getOrder, listOrdersForUser, searchOrders, UnknownProductError, type NewOrderItem } from '../db/orders';
import { withTransaction } from '../db/pool';
import { type Handler } from '../http/router';

interface CreateOrderBody {
  items: NewOrderItem[];
  shippingAddress: string;
}

export const list: Handler = async (req, res) => {
  const orders = await listOrdersForUser(req.userId!);
  res.json({ orders, count: orders.length });
};

export const search: Handler = async (req, res) => {
  const status = req.query.get('status') ?? 'pending';
  res.json({ orders: await searchOrders(req.userId!, status) });
};

export const get: Handler = async (req, res) => {
  const order = await getOrder(Number(req.params.id));
  if (!order || order.userId !== req.userId) {
    res.status(404).json({ message: 'Order not found', code: 'ORDER_NOT_FOUND' });
    return;
  }
  res.json(order);
};

export const create: Handler = async (req, res) => {
  const body = req.body as CreateOrderBody;
  try {
    const order = await withTransaction((client) => createOrder(client, req.userId!, body.items, body.shippingAddress));
    res.status(201).json(order);
  } catch (err) {
    if (err instanceof UnknownProductError) {
      res.status(422).json({ message: err.message, code: 'UNKNOWN_PRODUCT' });
      return;
    }
    throw err;
  }
};
