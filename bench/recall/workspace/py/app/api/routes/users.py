import app.core.security
from app.crud import create_user
from app.models import UserCreate


def signup(session, payload: dict):
    user_in = UserCreate(**payload)
    return create_user(session, user_in)


def delete_user(session, token: str, user_id: int):
    claims = app.core.security.decode_token(token)
    if not app.core.security.is_admin(claims):
        raise PermissionError("forbidden")
    session.execute("DELETE FROM users WHERE id = :id", {"id": user_id})
