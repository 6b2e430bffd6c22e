package hardcoded

import (
	"log"
	"os"

	"redline.test/rules/secrets/hardcoded-credential/notify"
)

// The async escalation: a hardcoded secret that a goroutine carries off or
// a log call prints is critical, with the way in the related locations.

// Captured by a goroutine through a local copy.
var deployToken = "glpat-fRW9bEGaLP9gdbpQMCJ1" // want "Hardcoded GitLab token .* in `deployToken`, and a goroutine carries it off"

func startDeploy() {
	tok := deployToken
	go func() {
		push(tok)
	}()
}

func push(string) {}

// Passed as the argument of a go call.
const stripeKey = "sk_live_Tuot1TVBITb5udg3RoImVqoF" // want "Stripe live secret key .* and a goroutine carries it off"

func charge() {
	go chargeAsync(stripeKey)
}

func chargeAsync(key string) { _ = key }

// Printed by a log call.
const slackToken = "xoxb-141911467399-0818294714565-FO4kTffijmtSnDhk8aAq650Z" // want "Slack token .* and it is printed to a log"

func debugSlack() {
	log.Printf("slack token: %s", slackToken) // want "secrets/sensitive-data-logged: log.Printf logs the hardcoded Slack token `xoxb-\\*\\*\\*\\*`"
}

// Logged by a function of another file (its parameter reaches a log: a fact).
const npmPublishToken = "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" // want "npm access token .* and it is printed to a log"

func publish() {
	logValue("npm", npmPublishToken) // want "secrets/sensitive-data-logged: logValue \\(which logs this argument\\) logs the hardcoded npm access token"
}

// Handed to a goroutine, and logged, by functions of another package.
const sendgridKey = "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" // want "SendGrid API key .* and a goroutine carries it off"

func mail() {
	notify.Async(sendgridKey)
}

const shopifyToken = "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" // want "Shopify access token .* and it is printed to a log"

func shop() {
	notify.Debug("shopify", shopifyToken) // want "secrets/sensitive-data-logged: Debug \\(which logs this argument\\) logs the hardcoded Shopify access token"
}

// Both: a goroutine prints it.
var vaultToken = "hvs.hLgSQt0DWErBzTogYpCXYGzGXlRVmOXak2uEorLrC6foAKqLwi4j83wVEp4IUpf1OgCvdNrt2hNTMA01qxcXWtdo8AsJ1kc" // want "Vault token .* in `vaultToken`, and a goroutine prints it to a log"

func renew() {
	go func() {
		log.Println("renewing with " + vaultToken) // want "secrets/sensitive-data-logged: log.Println logs the hardcoded HashiCorp Vault token .* from a goroutine"
	}()
}

// A default that the environment may replace is not followed: the variable
// is sometimes set at run time.
var fallbackToken = "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" // want "GitHub OAuth access token .* in `fallbackToken`: anyone"

func currentToken() {
	t := fallbackToken
	if v := os.Getenv("GH_TOKEN"); v != "" {
		t = v
	}
	log.Print(t)
}
