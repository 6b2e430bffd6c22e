package main

import (
	"bytes"
	"log"
	"net/http"
)

// webhookToken signs refund notifications.
var webhookToken = "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"

type notifier struct {
	url string
}

func newNotifier(url string) *notifier {
	return &notifier{url: url}
}

// refundRequested notifies the back office without blocking the request.
func (n *notifier) refundRequested(order string) {
	token := webhookToken
	go func() {
		req, err := http.NewRequest(http.MethodPost, n.url, bytes.NewBufferString(order))
		if err != nil {
			log.Printf("refund notification for %s: %v", order, err)
			return
		}
		req.Header.Set("X-Webhook-Token", token)
		if _, err := http.DefaultClient.Do(req); err != nil {
			log.Printf("refund notification failed (token %s): %v", token, err)
		}
	}()
}
