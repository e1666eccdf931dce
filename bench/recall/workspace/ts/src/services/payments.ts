export interface Charge {
  id: string;
  amountCents: number;
}

export async function refundCharge(chargeId: string, amountCents: number): Promise<Charge> {
  const response = await fetch(`https://payments.example.com/charges/${chargeId}/refunds`, {
    method: 'POST',
    body: JSON.stringify({ amount: amountCents }),
  });
  return (await response.json()) as Charge;
}
