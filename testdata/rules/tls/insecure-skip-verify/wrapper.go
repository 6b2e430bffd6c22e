package insecureskipverify

import "redline.test/rules/tls/insecure-skip-verify/apiopts"

// A library's own TLS options: a field named InsecureSkipVerify does what it says.
func libraryOptions(insecureFlag bool) []*apiopts.Options {
	always := &apiopts.Options{Address: "db:8501", TLS: &apiopts.TLSOptions{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off: `apiopts.TLSOptions.InsecureSkipVerify` is set to true"
	origin := apiopts.AcceptOptions{InsecureSkipVerify: true} // another meaning: the Origin check of a websocket library
	_ = origin
	optIn := &apiopts.Options{Address: "db:8501", TLS: &apiopts.TLSOptions{}}
	if insecureFlag {
		optIn.TLS.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when insecureFlag is set: an explicit"
	}
	verifying := &apiopts.Options{TLS: &apiopts.TLSOptions{InsecureSkipVerify: false, CAFile: "/etc/ca.pem"}}
	own := localOptions{InsecureSkipVerify: true}
	_ = own
	return []*apiopts.Options{always, optIn, verifying}
}

// This package's own options are followed into the tls.Config they fill, not judged by name.
type localOptions struct{ InsecureSkipVerify bool }
