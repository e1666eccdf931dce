from app import billing
from ..deps import get_current_user


def pay_order(session, authorization: str, order_id: int, amount_cents: int):
    get_current_user(authorization)
    return billing.charge_order(session, order_id, amount_cents)
