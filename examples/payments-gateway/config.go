package main

import "os"

// Config holds the gateway's settings.
type Config struct {
	ListenAddr   string
	CertFile     string
	KeyFile      string
	ProcessorURL string
	WebhookURL   string
	DatabaseURL  string
}

// processorAPIKey authenticates the gateway to the card processor.
const processorAPIKey = "sk_live_51NzQe4Kx8Vb2Tq7Lm9Rw3Hy6"

func loadConfig() Config {
	return Config{
		ListenAddr:   envOr("LISTEN_ADDR", ":8443"),
		CertFile:     envOr("CERT_FILE", "/etc/gateway/tls.crt"),
		KeyFile:      envOr("KEY_FILE", "/etc/gateway/tls.key"),
		ProcessorURL: envOr("PROCESSOR_URL", "https://api.processor.example/v1"),
		WebhookURL:   envOr("WEBHOOK_URL", "https://hooks.internal.example/payments"),
		DatabaseURL:  envOr("DATABASE_URL", "postgres://gateway:Qm7vX2pLk9Tz@db.internal:5432/payments"),
	}
}

func envOr(name, fallback string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return fallback
}
