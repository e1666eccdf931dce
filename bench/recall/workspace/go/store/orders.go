package store

import (
	"database/sql"
	"fmt"

	"example.com/shop/model"
)

type Store struct {
	DB *sql.DB
}

func (s *Store) ListOrders(userID int64) ([]model.Order, error) {
	rows, err := s.DB.Query("SELECT id, user_id, status FROM orders WHERE user_id = $1", userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var orders []model.Order
	for rows.Next() {
		var order model.Order
		if err := rows.Scan(&order.ID, &order.UserID, &order.Status); err != nil {
			return nil, err
		}
		orders = append(orders, order)
	}
	return orders, nil
}

func SearchOrders(db *sql.DB, term string) (*sql.Rows, error) {
	query := fmt.Sprintf("SELECT id, user_id, status FROM orders WHERE status LIKE '%%%s%%'", term)
	return db.Query(query)
}

func UserByID(db *sql.DB, id int64) (model.User, error) {
	var user model.User
	err := db.QueryRow("SELECT id, email, password_hash, is_admin FROM users WHERE id = $1", id).
		Scan(&user.ID, &user.Email, &user.PasswordHash, &user.IsAdmin)
	return user, err
}
