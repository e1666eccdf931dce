package handlers

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"strconv"

	"example.com/shop/store"
)

type OrderHandlers struct {
	Store *store.Store
	DB    *sql.DB
}

func (h *OrderHandlers) ListOrders(w http.ResponseWriter, r *http.Request) {
	userID, _ := strconv.ParseInt(r.URL.Query().Get("user"), 10, 64)
	orders, err := h.Store.ListOrders(userID)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(orders)
}

func (h *OrderHandlers) SearchOrders(w http.ResponseWriter, r *http.Request) {
	rows, err := store.SearchOrders(h.DB, r.URL.Query().Get("q"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	w.WriteHeader(http.StatusOK)
}

func (h *OrderHandlers) DeleteOrder(w http.ResponseWriter, r *http.Request) {
	id := pageSize(r.URL.Query().Get("id"))
	h.DB.Exec("DELETE FROM orders WHERE id = $1", id)
	w.WriteHeader(http.StatusNoContent)
}

func pageSize(raw string) int {
	size, _ := strconv.Atoi(raw)
	return size
}
