// Flags declared with kingpin (github.com/alecthomas/kingpin/v2), as most
// Prometheus exporters declare them: the default is a string that kingpin
// parses with strconv.ParseBool, and a Bool flag without one is false.
package main

import (
	"crypto/tls"
	"net/http"

	"github.com/alecthomas/kingpin/v2"
)

var (
	app = kingpin.New("exporter", "An exporter.")

	sslVerify  = kingpin.Flag("nginx.ssl-verify", "Perform SSL certificate verification.").Default("false").Envar("SSL_VERIFY").Bool()
	skipVerify = app.Flag("tls.insecure-skip-verify", "Skip certificate checks.").Default("True").Bool()
	verifyTLS  = kingpin.Flag("verify-tls", "Verify the server's certificate.").Bool()

	// Negatives: verification on by default, or an opt-in that defaults to off.
	verifyOn      = kingpin.Flag("ssl-verify-on", "Perform SSL certificate verification.").Default("true").Bool()
	insecureOptIn = kingpin.Flag("insecure", "Skip certificate checks (testing only).").Bool()
	name          = kingpin.Flag("name", "A name.").Default("false").String()
)

type config struct {
	verify   bool
	insecure bool
}

func clients(cfg *config) []*http.Client {
	kingpin.Flag("verify", "Verify peers.").Default("0").BoolVar(&cfg.verify)
	kingpin.Flag("skip", "Skip checks (testing only).").Default("false").BoolVar(&cfg.insecure)
	kingpin.Parse()
	_ = *name
	return []*http.Client{
		{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: !*sslVerify}}}, // want "tls/insecure-skip-verify: .*takes its value from the negation of the flag -nginx.ssl-verify, which defaults to false"
		{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: *skipVerify}}}, // want "tls/insecure-skip-verify: .*takes its value from the flag -tls.insecure-skip-verify, which defaults to true"
		{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: !*verifyTLS}}}, // want "tls/insecure-skip-verify: .*takes its value from the negation of the flag -verify-tls, which defaults to false"
		{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: !cfg.verify}}}, // want "tls/insecure-skip-verify: .*the negation of the flag -verify, which defaults to false"
		{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: !*verifyOn}}},
		{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: *insecureOptIn}}},
		{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: cfg.insecure}}},
	}
}

func main() { _ = clients(&config{}) }
