// Package rules holds a secret scanner's detection rules: patterns, and
// allowlists of published example keys, are text to look for.
package rules

import (
	"net/url"
	"regexp"

	"redline.test/rules/secrets/hardcoded-credential/rules/pattern"
)

var (
	ftpCredentials = regexp.MustCompile(`\bftp://[\S]{3,50}:([\S]{3,50})@[-.%\w\/:]+\b`)
	knownKey       = regexp.MustCompile(`AIzaWu1eCf38tv-zPTZXL673iNYitM63EenTuea`)
	wrappedKey     = pattern.MustCompile(`AIzaWu1eCf38tv-zPTZXL673iNYitM63EenTuea`)
	matched, _     = regexp.MatchString(`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`, "")
)

// The same key sent to the API is one in use.
func mapsURL() string {
	q := url.Values{}
	q.Set("key", "AIzaWu1eCf38tv-zPTZXL673iNYitM63EenTuea") // want "secrets/hardcoded-credential: Hardcoded Google API key"
	return "https://maps.googleapis.com/maps/api/geocode/json?" + q.Encode()
}

var _, _, _, _ = ftpCredentials, knownKey, wrappedKey, matched
