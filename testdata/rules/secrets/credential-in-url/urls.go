package urls

import (
	"database/sql"
	"fmt"
	"log"
	"net/url"
	"os"
	"regexp"
)

// Connection strings with a real password.
const ordersDSN = "postgres://orders:Qm7vX2pLk9Tz@db.internal:5432/orders?sslmode=require" // want "secrets/credential-in-url: The `postgres://orders:\\*\\*\\*\\*@db.internal` URL embeds a hardcoded password \\(12 characters\\)"

var brokers = []string{
	"amqp://billing:Zk3Lq9Wm2Xv7@rabbit-1.internal:5672/", // want "amqp://billing"
	"amqp://billing:Zk3Lq9Wm2Xv7@rabbit-2.internal:5672/", // want "amqp://billing"
}

func open() (*sql.DB, error) {
	return sql.Open("mysql", "mysql://root:Vq8!mZ2rTx5w@tcp-db:3306/app") // want "mysql://root:\\*\\*\\*\\*@tcp-db"
}

// Split over a concatenation of literals.
const cacheURL = "redis://:Hx7pLq2Vz9" + "Kt@cache.internal:6379/0" // want "redis://:\\*\\*\\*\\*@cache.internal"

// Printed by a log call: critical.
const metricsURL = "https://push:Xk29dLq8wPz4@metrics.internal/api/push" // want "https://push:\\*\\*\\*\\*@metrics.internal` URL embeds a hardcoded password \\(12 characters\\), and it is printed to a log"

func logTarget() {
	log.Printf("pushing to %s", metricsURL) // want "secrets/sensitive-data-logged: log.Printf logs the hardcoded password of a `https://` URL"
}

// Not reported: placeholders, templates, format verbs, well-known defaults,
// the user name repeated, documentation hosts, URLs without a password.
const (
	templated   = "postgres://app:${DB_PASSWORD}@db.internal/app"
	placeholder = "postgres://app:<password>@db.internal/app"
	fromVerb    = "postgres://%s:%s@%s/%s"
	guest       = "amqp://guest:guest@localhost:5672/"
	sameAsUser  = "postgres://postgres:postgres@localhost:5432/test"
	userTwice   = "http://admin:adminadmin@localhost:8080/"
	docs        = "https://user:Xk29dLq8wPz4@api.example.com/v1"
	noPassword  = "https://git@github.com/org/repo.git"
	plain       = "https://db.internal:5432/orders"
	changeme    = "postgres://app:changeme@db.internal/app"
	// Sentry DSNs only submit events, and Sentry ignores their secret half: public by design
	sentryDSN = "https://0f1e2d3c4b5a69788796a5b4c3d2e1f0:9a8b7c6d5e4f30211203f4e5d6c7b8a9@o123.ingest.sentry.io/4242424"
	notSentry = "https://0f1e2d3c4b5a69788796a5b4c3d2e1f0:9a8b7c6d5e4f30211203f4e5d6c7b8a9@sentry.io.evil.internal/42" // want "secrets/credential-in-url"
)

// Built at run time.
func build(user string) string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(user, os.Getenv("DB_PASSWORD")), Host: "db.internal"}
	return fmt.Sprintf("%s?sslmode=require", u.String())
}

// Passwords that spell a dummy once unescaped, and hosts of fake domains.
var parserCases = []string{
	"http://My%20User:My%20Pass@dummy.faketld/",
	"http://user:passwo^rd@foo.com/",
	"http://%3Fam:pa%3Fsword@google.com",
}

// A secret scanner's pattern for such URLs is text to look for.
var ftpURLWithCredentials = regexp.MustCompile(`\bftp://[\S]{3,50}:([\S]{3,50})@[-.%\w\/:]+\b`)
