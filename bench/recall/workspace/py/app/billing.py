from app.models import Item


def charge_order(session, order_id: int, amount_cents: int):
    session.execute(
        "INSERT INTO charges (order_id, amount) VALUES (:order_id, :amount)",
        {"order_id": order_id, "amount": amount_cents},
    )
    return {"order_id": order_id, "charged": amount_cents}
