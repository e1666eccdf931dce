from app.models import Item, UserCreate


def get_items(session, owner_id: int) -> list[Item]:
    rows = session.execute("SELECT * FROM item WHERE owner_id = :owner", {"owner": owner_id})
    return [Item(**row) for row in rows]


def create_user(session, user_in: UserCreate) -> dict:
    row = {"email": user_in.email, "password": user_in.password, "is_superuser": user_in.is_superuser}
    session.execute("INSERT INTO users (email, password, is_superuser) VALUES (:email, :password, :is_superuser)", row)
    return row


def search_items(session, term: str) -> list[Item]:
    rows = session.execute(f"SELECT * FROM item WHERE title LIKE '%{term}%'")
    return [Item(**row) for row in rows]
