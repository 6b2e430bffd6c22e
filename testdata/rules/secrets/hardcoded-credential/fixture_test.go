package hardcoded

import "testing"

// Test fixtures are reported too (one severity lower by default).
const testToken = "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" // want "GitHub personal access token .* in `testToken`"

func TestToken(t *testing.T) {
	if testToken == "" {
		t.Fatal("empty")
	}
}
