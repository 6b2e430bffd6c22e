package header

import (
	"encoding/base64"
	"net/http"
	"os"
)

const apiToken = "glpat-fRW9bEGaLP9gdbpQMCJ1" // want "secrets/hardcoded-credential: Hardcoded GitLab token"

var serviceToken = "k2J9sd8fLq0pZ7xW4vB1nM6cQ8rT" // want "secrets/hardcoded-credential: Hardcoded service token .* in `serviceToken`"

func requests(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+apiToken)                                                               // want "secrets/literal-authorization-header: The Authorization header is set to a hardcoded Bearer credential \\(GitLab token `glpat-\\*\\*\\*\\*`, 26 characters\\)"
	req.Header.Set("Authorization", "Bearer sk_live_Tuot1TVBITb5udg3RoImVqoF")                                        // want "hardcoded Bearer credential \\(Stripe live secret key"
	req.Header.Add("authorization", "token "+serviceToken)                                                            // want "hardcoded token credential \\(28 characters\\)"
	req.Header.Set("Proxy-Authorization", "Basic c3ZjLWJpbGxpbmc6WGsyOWRMcThXcHohdjM=")                               // want "The Proxy-Authorization header is set to a hardcoded Basic credential \\(user and password, 14 characters\\)"
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("svc-billing:Xk29dLq8wPz!v3"))) // want "hardcoded Basic credential"
	req.Header["Authorization"] = []string{"Bearer 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"}                         // want "hardcoded Bearer credential \\(GitHub personal access token"
	req.SetBasicAuth("svc-billing", "Xk29dLq8wPz!v3")                                                                 // want "SetBasicAuth is given a hardcoded password \\(14 characters\\)"
}

func headerLiteral() http.Header {
	return http.Header{
		"Authorization": {"Bearer xoxb-141911467399-0818294714565-FO4kTffijmtSnDhk8aAq650Z"}, // want "hardcoded Bearer credential \\(Slack token"
		"Accept":        {"application/json"},
	}
}

const authHeaderName = "Authorization"

// Header literals inside a map literal: their type is elided, the key is a constant.
func headersPerService() map[string]http.Header {
	return map[string]http.Header{
		"billing": {authHeaderName: {"Bearer xoxb-141911467399-0818294714565-FO4kTffijmtSnDhk8aAq650Z"}}, // want "hardcoded Bearer credential \\(Slack token"
		"search":  {"Accept": {"application/json"}},
	}
}

// Not reported: values read at run time, placeholders, dummy passwords,
// other headers, and tokens that do not look like secrets.
func negatives(req *http.Request, token string) {
	req.Header.Set("Authorization", "Bearer "+os.Getenv("API_TOKEN"))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Authorization", "Bearer <token>")
	req.Header.Set("Authorization", "Bearer ${API_TOKEN}")
	req.Header.Set("Authorization", "Bearer test")
	req.SetBasicAuth("admin", "admin")
	req.SetBasicAuth("user", "changeme")
	req.SetBasicAuth("user", "secure")
	req.SetBasicAuth("user", os.Getenv("PASSWORD"))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer")
}

func dummyPasswords(req *http.Request) {
	req.SetBasicAuth("My User", "My Pass")
	req.SetBasicAuth("user", "p4ssw0rd-2024")
}
