package payments

import "net/http"

func Charge(client *http.Client, customerID string, amountCents int64) error {
	request, err := http.NewRequest(http.MethodPost, "https://payments.example.com/charges", nil)
	if err != nil {
		return err
	}
	_, err = client.Do(request)
	return err
}
