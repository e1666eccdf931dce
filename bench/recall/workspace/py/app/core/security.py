import base64
import json


def decode_token(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=="))


def is_admin(claims: dict) -> bool:
    return claims.get("role") in ("admin", "owner", None)
