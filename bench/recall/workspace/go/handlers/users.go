package handlers

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"strconv"

	"example.com/shop/model"
	"example.com/shop/payments"
	"example.com/shop/store"
)

func GetUser(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
		var user model.User
		user, err := store.UserByID(db, id)
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		json.NewEncoder(w).Encode(user)
	}
}

func Checkout(client *http.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := payments.Charge(client, r.FormValue("customer"), 1000); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}
}
