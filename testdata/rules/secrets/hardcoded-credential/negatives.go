package hardcoded

import (
	"flag"
	"os"
)

// The false-positive classes of G101, gitleaks and detect-secrets: none is reported.

const (
	// labels, routes, metric names
	routeTokens                    = "public_tokens.route"
	TokenFetchErrors               = "token_fetch_errors"
	PropertyNameSnmpGroupWriteView = "Snmp Group Write View"
	passwordResetRoute             = "/api/v1/password/reset"
	// environment variable and header names
	httpTokenEnvVar   = "DATAGATE_MCP_HTTP_TOKEN"
	apiKeyEnv         = "MY_SECRET1"
	settingPrivateKey = "CONN_PRIVATE_KEy" // an option name whose last word missed the caps lock
	authTokenHeader   = "X-Auth-Token"
	tokenHeader       = "Authorization"
	// signature scheme names put in front of a signed Authorization header
	Authorization    = "ACMEPAY2-SHA256-RSA2048"
	authScheme       = "TC3-HMAC-SHA256"
	AuthorizationRSA = "AcmePay-RSA"
	// placeholders and templates
	passwordPlaceholder = "<your-password>"
	passwordTemplate    = "${DB_PASSWORD}"
	defaultPassword     = "changeme"
	redactedToken       = "REDACTED"
	tokenFormat         = "token=%s"
	secretMask          = "xxxxxxxxxxxx"
	yourToken           = "your_token_here"
	sampleAPIKey        = "sample-api-key-123"
	passwordIsPassword  = "password123!"
	// URLs and paths without credentials
	tokenEndpoint = "https://oauth2.example.com/token"
	passwordFile  = "/etc/app/password.txt"
	// documented example keys
	awsAccessKeyID        = "AKIAIOSFODNN7EXAMPLE"
	awsSecretAccessKeyDoc = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	// Azurite (the Azure Storage emulator) documents its one account key; every emulator accepts it.
	emulatorAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
	// not credentials: key ids, hashes, pagination and CSRF tokens, compiler passes, names
	accessKey      = "Z7IXGOO6BZ0REAN1Q26I"
	keyID          = "k2J9sd8fLq0pZ7xW4vB1nM6c"
	hashedPassword = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
	nextPageToken  = "CAESBggDEMgBGAE2xq9Lm"
	csrfToken      = "k2J9sd8fLq0pZ7xW4vB1nM6c"
	firstPass      = "Xk29dLq8wPz!v3"
	secretName     = "db-credentials-7f9c2"
	tokenType      = "Bearer"
	// base64 of a placeholder: "test-account-key", "example-app-secret"
	accountKey   = "dGVzdC1hY2NvdW50LWtleQ=="
	clientSecret = "ZXhhbXBsZS1hcHAtc2VjcmV0"
	// too short, or a single plain word
	pin      = "1234"
	password = "correcthorsebattery"
)

// Struct tags are not values.
type Login struct {
	Password string `json:"password" validate:"required,min=12,max=128,excludesall=Xk29dLq8wPz"`
}

// Values read at run time.
func fromRuntime() {
	password := os.Getenv("DB_PASSWORD")
	token := flag.String("token", "", "API token")
	key, _ := os.ReadFile("/run/secrets/signing-key")
	_, _, _ = password, token, key
}

// Labels in switches and maps are keys, not values.
func labels(field string) map[string]string {
	switch field {
	case "password", "client_secret":
		return nil
	}
	return map[string]string{"password": "string", "token": "Bearer"}
}

// Made-up samples with a token prefix, placeholder patterns, leetspeak dummies.
func samples() {
	login("gho_1234567")
	login("eyJhbGciOiJIUzI1NiJ9")
	login("aabbccddeeff00112233")
	login("p@ssw0rd!#%^&*()[]{}")
}

func login(token string) { _ = token }

// Ids and password hashes stand where a secret would, but are not one.
var clients = []struct{ ID, Secret string }{
	{ID: "web", Secret: "01bbf13a-ae3e-44d5-b4b4-dd78137041be"},
	{ID: "cli", Secret: "$2a$10$IxMdI6d.LIRZPpSfEwNoeu4rY3FhDREsxFJXikcgdRRAStxUlsuEO"},
	{ID: "api", Secret: "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"},
}

// A label passed to a parameter named token: words and numbers, not a secret.
func expectsContinue(expect string) bool {
	return hasToken(expect, "100-continue")
}

func hasToken(v, token string) bool { return v == token }

// File names behind a NUL marker, swapped for temporary paths at run time.
var (
	sRGBProfilePathToken = "\x00srgb_v2_micro.icc"
	grayProfilePathToken = "\x00generic_gray_gamma_2_2.icc"
	iecProfilePathToken  = "\x00srgb_iec61966_2_1.icc"
	serverKeyFileToken   = "server-2024_v3.key"
)

// A name that says the value is made up: the token a test double serves.
const fakeAPIToken = "9f3c1a7be04d52e8a6b1c0d4e7f29a35"

// LDAP search filters named for the accounts they find.
const (
	FilterDontExpirePassword  = "(userAccountControl:1.2.840.113556.1.4.803:=65536)"
	FilterPasswordNotRequired = "(userAccountControl:1.2.840.113556.1.4.803:=32)"
)

// Names that say there is no password: the DSNs hold none.
func dsnsWithoutPasswords() []string {
	uriNoPassword := "root@tcp(localhost:3306)/mysql?multiStatements=true&parseTime=true"
	dsnWithoutPassword := "app@tcp(db.internal:3306)/orders?parseTime=true&loc=UTC&tls=true"
	rootPassword := "Hx7pLq2Vz9KtR4mW" // want "secrets/hardcoded-credential"
	return []string{uriNoPassword, dsnWithoutPassword, rootPassword}
}
