// Command sharedmain configures its own client from a flag: the switch is the whole program's.
package main

import (
	"crypto/tls"
	"flag"
	"net/http"
)

var client http.Client

func main() {
	insecure := flag.Bool("insecure", false, "skip certificate checks")
	flag.Parse()
	if *insecure {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "TLS certificate verification is off when \\*insecure is set: an explicit"
		client.Transport = t
	}
	resp, err := client.Get("https://example.org/")
	if err == nil {
		resp.Body.Close()
	}
}
