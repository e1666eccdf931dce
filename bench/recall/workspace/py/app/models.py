from pydantic import BaseModel


class UserCreate(BaseModel):
    email: str
    password: str
    is_superuser: bool = False


class Item(BaseModel):
    id: int
    title: str
    owner_id: int
