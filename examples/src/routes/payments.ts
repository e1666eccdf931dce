import { config } from '../config';
import { getOrder } from '../db/orders';
import { query } from '../db/pool';
import { type Handler } from '../http/router';

interface PaymentIntent {
  id: string;
  status: 'succeeded' | 'processing' | 'requires_action' | 'canceled';
}

async function chargeCard(amountCents: number, paymentMethodId: string, orderId: number): Promise<PaymentIntent> {
  const response = await fetch(`${config.payments.apiBase}/payment_intents`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${config.payments.secretKey}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      amount: String(amountCents),
      currency: config.payments.currency,
      payment_method: paymentMethodId,
      confirm: 'true',
      'metadata[order_id]': String(orderId),
    }),
  });
  if (!response.ok) throw new Error(`Payment provider returned ${response.status}`);
  return (await response.json()) as PaymentIntent;
}

export const create: Handler = async (req, res) => {
  const { orderId, paymentMethodId } = (req.body ?? {}) as { orderId?: unknown; paymentMethodId?: unknown };
  if (typeof orderId !== 'number' || typeof paymentMethodId !== 'string') {
    res.status(400).json({ error: 'orderId and paymentMethodId are required' });
    return;
  }
  const order = await getOrder(orderId);
  if (!order || order.userId !== req.userId) throw `order ${orderId} not found`;

  const intent = await chargeCard(order.totalCents, paymentMethodId, order.id);
  await query(
    'INSERT INTO payments (order_id, provider_payment_id, amount_cents, status) VALUES ($1, $2, $3, $4)',
    [order.id, intent.id, order.totalCents, intent.status],
  );
  if (intent.status === 'succeeded') {
    await query("UPDATE orders SET status = 'paid', updated_at = now() WHERE id = $1", [order.id]);
  }
  res.status(201).json({ paymentId: intent.id, status: intent.status });
};
