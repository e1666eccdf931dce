package payments

import "database/sql"

type Ledger struct {
	DB *sql.DB
}

func (l *Ledger) Refund(chargeID string, amountCents int64) error {
	_, err := l.DB.Exec("INSERT INTO refunds (charge_id, amount) VALUES ($1, $2)", chargeID, amountCents)
	return err
}
