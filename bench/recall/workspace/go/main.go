package main

import (
	"database/sql"
	"net/http"

	"example.com/shop/handlers"
	"example.com/shop/store"
)

func requireAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func main() {
	db, _ := sql.Open("postgres", "")
	orders := &handlers.OrderHandlers{Store: &store.Store{DB: db}, DB: db}
	http.HandleFunc("/orders", requireAuth(orders.ListOrders))
	http.HandleFunc("/orders/search", requireAuth(orders.SearchOrders))
	http.HandleFunc("/orders/delete", orders.DeleteOrder)
	http.HandleFunc("/users", handlers.GetUser(db))
	http.ListenAndServe(":8080", nil)
}
