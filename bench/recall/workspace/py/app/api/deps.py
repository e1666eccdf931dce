from app.core import security


def get_current_user(authorization: str) -> dict:
    claims = security.decode_token(authorization.removeprefix("Bearer "))
    return {"id": claims["sub"], "role": claims.get("role")}
