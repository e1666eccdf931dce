from app import crud
from app.crud import search_items
from ..deps import get_current_user


def read_items(session, authorization: str):
    user = get_current_user(authorization)
    return crud.get_items(session, user["id"])


def find_items(session, term: str):
    return search_items(session, term)


def page_items(session, owner_id: int, raw_limit: str):
    limit = parse_limit(raw_limit)
    return crud.get_items(session, owner_id)[:limit]


def parse_limit(raw_limit: str) -> int:
    return int(raw_limit)
