package hardcoded

// Tokens of known formats are reported whatever they are bound to, each
// checked by shape (and checksum where the format has one).

const githubPAT = "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" // want "secrets/hardcoded-credential: Hardcoded GitHub personal access token `ghp_\\*\\*\\*\\*` \\(40 characters\\) in `githubPAT`"

var (
	githubOAuth   = "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"                                                                                             // want "GitHub OAuth access token"
	githubApp     = "ghs_lUKhIV0tRwtgFlaB7tOK3mIXtExEJm3rCTS2"                                                                                             // want "GitHub App token"
	githubUser    = "ghu_I7SHn03ngwfQAdbHgbcUIZTw31Cv1Z41q4pk"                                                                                             // want "GitHub App token"
	githubRefresh = "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"                                                                                             // want "GitHub refresh token"
	fineGrained   = "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"                                        // want "GitHub fine-grained personal access token"
	gitlab        = "glpat-fRW9bEGaLP9gdbpQMCJ1"                                                                                                           // want "GitLab token"
	awsKeyID      = "AKIAR5MVXDE6V2AIA6H3"                                                                                                                 // want "AWS access key id `AKIA\\*\\*\\*\\*`"
	googleKey     = "AIzaWu1eCf38tv-zPTZXL673iNYitM63EenTuea"                                                                                              // want "Google API key"
	slackBot      = "xoxb-141911467399-0818294714565-FO4kTffijmtSnDhk8aAq650Z"                                                                             // want "Slack token"
	slackHook     = "https://hooks.slack.com/services/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"                                                        // want "Slack incoming webhook URL"
	stripeLive    = "sk_live_Tuot1TVBITb5udg3RoImVqoF"                                                                                                     // want "Stripe live secret key"
	stripeTest    = "sk_test_gOnOLbUDybn4nT34sjRI7OUv"                                                                                                     // want "Stripe test-mode secret key"
	openAI        = "sk-proj-DC9UpjGSRr1BcqOdivVnadhx7r6xHvA2cmsQMdHKT3BlbkFJHaXMSDwvB6fhrBTIHcsBxzASZLmGOjxvAqPCjhms"                                     // want "OpenAI API key"
	anthropic     = "sk-ant-api03-irySNK5Idu4JHjVgFkyVDtCeIAWmrL62NiC49MXLCRo3I5fDMYOCHHCiesg3223qcKRf3qrF6YDMrUgLHsXnTNEpGi708AA"                         // want "Anthropic API key"
	npmToken      = "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"                                                                                             // want "npm access token"
	pypiToken     = "pypi-AgEIcHlwaS5vcmcEBuqTGUdrLGLgRGK6aoYdqkkmXbReZfoR0uY71tps6bopsoFehX4iATXIeng"                                                     // want "PyPI upload token"
	sendgrid      = "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"                                                                // want "SendGrid API key"
	twilio        = "SK1f2d0f7dd55ae765455f35ccae1eccdf"                                                                                                   // want "Twilio API key"
	shopify       = "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"                                                                                               // want "Shopify access token"
	digitalOcean  = "dop_v1_631bce7e851bf6cc6d2592df9ba4d12ea27e6c82336428fa4ee8d2db658c20e1"                                                              // want "DigitalOcean token"
	vault         = "hvs.hLgSQt0DWErBzTogYpCXYGzGXlRVmOXak2uEorLrC6foAKqLwi4j83wVEp4IUpf1OgCvdNrt2hNTMA01qxcXWtdo8AsJ1kc"                                  // want "HashiCorp Vault token"
	serviceJWT    = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTcwMDAwMDAwMH0.2k9hOVSc2CUlKM55Nv4mMHMOkh3lYPT4N9Uo4RlME-C" // want "JSON Web Token"
)

// The AWS secret access key has no prefix: it is recognised by its name and shape.
var awsSecretAccessKey = "R/LwyS266Sck5SEW2/jQ/6eOjp2+6Bd5l6clqbxK" // want "AWS secret access key"

// A token inside a longer string, and split over a concatenation of literals.
var curlCommand = "curl -H 'PRIVATE-TOKEN: glpat-fRW9bEGaLP9gdbpQMCJ1' https://gitlab.internal/api/v4/projects" // want "GitLab token"

var splitToken = "ghp_8n6auOSjWLRhxV1u9RS" + "6sV326KMbxF2DjG5h" // want "GitHub personal access token"

// Raw strings and byte slices.
var rawToken = []byte(`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`) // want "npm access token"

// Passed straight to a function: no name is needed for a token.
func useToken() {
	configure("xoxb-141911467399-0818294714565-FO4kTffijmtSnDhk8aAq650Z") // want "Slack token"
}

func configure(string) {}

// Look-alikes: a GitHub token whose checksum is wrong, made-up tokens, AWS's documented example key.
var (
	badChecksum = "ghp_Sb2p2UsaoIqze0Cu3qDpJ3yIMep6564YMNJQ"
	madeUp      = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	exampleKey  = "AKIAIOSFODNN7EXAMPLE"
	stripeFake  = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"
	notAJWT     = "eyJub3QiOiJqc29uIn0.eyJhbGciOiJub25lIn0.c2lnbmF0dXJlLXRleHQ"
	twilioLike  = "SKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
)

// Documentation samples: JWTs copied from jwt.io (sub 1234567890), or held under a name that says sample.
type signingExample struct {
	method          string
	sampleSignature string
}

var signingExamples = []signingExample{
	{method: "HS256", sampleSignature: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyMTIzIn0.hUl-nngPMY_3h9vveWJUPsCcO5PeL6k9hWLnMYeFbFQ"},
}

var jwtIOToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE1MTYyMzkwMjIsIm1vb2QiOiJEaXNkYWluZnVsIiwic3ViIjoiMTIzNDU2Nzg5MCJ9.YwXOM8v3gHVWcQRRRQc_zDlhmLnM62fwhFYGpiA0J1A"

// A checksummed vendor token is live whatever its name says.
var sampleGitHubToken = "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" // want "GitHub personal access token"

// Token shapes held by declarations and literals named as fake: test data. A checksum that matches shows a token was issued.
type FakeSecret struct {
	Name  string
	Value string
}

var FakeSecrets = map[string]FakeSecret{
	"gcp-api-key": {Name: "gcp-api-key", Value: "AIza" + "SyQw3rTy9uIoPaSdFgHjKlZxCvBnM1q2W3e"},
	"stripe-key":  {Name: "stripe", Value: "sk_live_" + "51QwErTy7uIoPaSdFgHjKlZxCvBnMqWeRtYuIo"},
}

var dummyTokens = []string{
	"sk_live_" + "51QwErTy7uIoPaSdFgHjKlZxCvBnMqWeRtYuIo",
	"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", // want "GitHub personal access token"
}

// The accounts and sessions of a test database, declared as fixtures.
type account struct {
	UID      string
	Password string
}

var AccountFixtures = map[string]account{
	"dave": {UID: "uqh8i9j0k1l2m3n4", Password: "xq7RtVb2LmN9sKw4PzD8hYc3JfG6aE1u"},
}

// A JWT named as one no verifier accepts is a fixture for the failing path.
const (
	InvalidSignatureToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTcwMDAwMDAwMH0.2k9hOVSc2CUlKM55Nv4mMHMOkh3lYPT4N9Uo4RlME-C"
	TokenWithBadSignature = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTcwMDAwMDAwMH0.2k9hOVSc2CUlKM55Nv4mMHMOkh3lYPT4N9Uo4RlME-C"
	signatureJWT          = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTcwMDAwMDAwMH0.2k9hOVSc2CUlKM55Nv4mMHMOkh3lYPT4N9Uo4RlME-C" // want "JSON Web Token"
)
