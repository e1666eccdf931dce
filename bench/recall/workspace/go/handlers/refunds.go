package handlers

import (
	"net/http"
	"strconv"

	"example.com/shop/payments"
)

type RefundHandlers struct {
	Ledger *payments.Ledger
}

func (h *RefundHandlers) Refund(w http.ResponseWriter, r *http.Request) {
	amount, _ := strconv.ParseInt(r.URL.Query().Get("amount"), 10, 64)
	if err := h.Ledger.Refund(r.URL.Query().Get("charge"), amount); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
