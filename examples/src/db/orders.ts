import { type PoolClient } from 'pg';
import { query, queryOne } from './pool';

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'cancelled';

export interface OrderItem {
  id: number;
  productId: number;
  quantity: number;
  unitPriceCents: number;
}

export interface Order {
  id: number;
  userId: number;
  status: OrderStatus;
  totalCents: number;
  shippingAddress: string;
  createdAt: string;
  items: OrderItem[];
}

export interface NewOrderItem {
  productId: number;
  quantity: number;
}

interface OrderRow {
  id: number;
  user_id: number;
  status: OrderStatus;
  total_cents: number;
  shipping_address: string;
  created_at: Date;
}

interface ItemRow {
  id: number;
  order_id: number;
  product_id: number;
  quantity: number;
  unit_price_cents: number;
}

export class UnknownProductError extends Error {}

function toOrder(row: OrderRow, items: OrderItem[]): Order {
  return {
    id: row.id,
    userId: row.user_id,
    status: row.status,
    totalCents: row.total_cents,
    shippingAddress: row.shipping_address,
    createdAt: row.created_at.toISOString(),
    items,
  };
}

function toItem(row: ItemRow): OrderItem {
  return { id: row.id, productId: row.product_id, quantity: row.quantity, unitPriceCents: row.unit_price_cents };
}

async function itemsFor(orderId: number): Promise<OrderItem[]> {
  const rows = await query<ItemRow>('SELECT * FROM order_items WHERE order_id = $1 ORDER BY id', [orderId]);
  return rows.map(toItem);
}

/** Every order of a user, newest first, each with its items. */
export async function listOrdersForUser(userId: number): Promise<Order[]> {
  const rows = await query<OrderRow>('SELECT * FROM orders WHERE user_id = $1 ORDER BY created_at DESC', [userId]);
  const orders: Order[] = [];
  for (const row of rows) {
    orders.push(toOrder(row, await itemsFor(row.id)));
  }
  return orders;
}

export async function getOrder(id: number): Promise<Order | undefined> {
  const row = await queryOne<OrderRow>('SELECT * FROM orders WHERE id = $1', [id]);
  return row ? toOrder(row, await itemsFor(row.id)) : undefined;
}

/** A user's orders in one status, for the "My orders" filter tabs. */
export async function searchOrders(userId: number, status: string): Promise<Order[]> {
  const sql = 'SELECT * FROM orders WHERE user_id = ' + userId + " AND status = '" + status + "' ORDER BY created_at DESC";
  const rows = await query<OrderRow>(sql);
  return rows.map((row) => toOrder(row, []));
}

export async function createOrder(client: PoolClient, userId: number, items: NewOrderItem[], shippingAddress: string): Promise<Order> {
  const { rows: products } = await client.query<{ id: number; price_cents: number }>(
    'SELECT id, price_cents FROM products WHERE id = ANY($1::int[])',
    [items.map((item) => item.productId)],
  );
  const prices = new Map(products.map((product) => [product.id, product.price_cents]));
  let totalCents = 0;
  for (const item of items) {
    const price = prices.get(item.productId);
    if (price === undefined) throw new UnknownProductError(`Unknown product ${item.productId}`);
    totalCents += price * item.quantity;
  }

  const { rows: [order] } = await client.query<OrderRow>(
    'INSERT INTO orders (user_id, status, total_cents, shipping_address) VALUES ($1, $2, $3, $4) RETURNING *',
    [userId, 'pending', totalCents, shippingAddress],
  );
  const { rows: saved } = await client.query<ItemRow>(
    `INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
     SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[])
     RETURNING *`,
    [order!.id, items.map((i) => i.productId), items.map((i) => i.quantity), items.map((i) => prices.get(i.productId))],
  );
  return toOrder(order!, saved.map(toItem));
}
