package logged

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"os"
	"strings"

	"redline.test/rules/secrets/sensitive-data-logged/logutil"
	"redline.test/rules/secrets/sensitive-data-logged/registry"
	"redline.test/rules/secrets/sensitive-data-logged/svcconfig"
)

type User struct {
	Name     string
	Email    string
	Password string
}

// Credentials nested in another struct are printed too.
type Database struct {
	Host string
	Auth Credentials
}

type Credentials struct {
	Username string
	Password string
}

type session struct {
	id          string
	accessToken string
}

// Values whose name says they hold a credential.
func byName(u User, password string, r *http.Request, authToken []byte) {
	log.Printf("login %s with %s", u.Name, password)               // want "secrets/sensitive-data-logged: log.Printf logs `password`, which holds a password"
	log.Println("user password:", u.Password)                      // want "log.Println logs `u.Password`, which holds a password"
	fmt.Println("auth:", r.Header.Get("Authorization"))            // want "fmt.Println logs `r.Header.Get\\(\"Authorization\"\\)`, which holds an authorization credential"
	fmt.Fprintf(os.Stderr, "using key %s\n", os.Getenv("API_KEY")) // want "fmt.Fprintf logs `os.Getenv\\(\"API_KEY\"\\)`, which holds an API key"
	slog.Info("login", "user", u.Name, "password", password)       // want "slog.Info logs `password`"
	slog.Debug("token", "value", string(authToken))                // want "slog.Debug logs `string\\(authToken\\)`, which holds an auth token"
	println("pw:", password)                                       // want "println logs `password`"
	log.Print(r.FormValue("client_secret"))                        // want "log.Print logs `r.FormValue\\(\"client_secret\"\\)`, which holds a client secret"
}

// A credential word from the policy (redline.yaml: extra-names).
func extraName(cardPin string) {
	log.Printf("card pin %s", cardPin) // want "log.Printf logs `cardPin`, which holds a pin"
}

// Values logged under a credential key.
func byKey(v string, logger *slog.Logger) {
	logger.Info("refreshed", "access_token", v)   // want "slog.Logger.Info logs `v` under the key \"access_token\""
	slog.Warn("retry", slog.String("api_key", v)) // want "slog.Warn logs `v` under the key \"api_key\""
	logger.With("password", v).Info("connected")  // want "slog.Logger.With logs `v` under the key \"password\""
}

// Whole structs: fmt prints every field, unexported ones too.
func structs(u User, db *Database, s session) {
	log.Printf("login attempt: %+v", u) // want "log.Printf logs `[^`]*`, a whole `User` value, and its field `Password` is printed in clear \\(%\\+v prints every field"
	log.Printf("db: %v", db)            // want "a whole `Database` value, and its field `Auth.Password` is printed"
	fmt.Println(s)                      // want "a whole `session` value, and its field `accessToken` is printed"
	slog.Info("user", "u", u)           // want "slog.Info logs `[^`]*`, a whole `User` value.*slog handlers print every field.*`LogValue`"
}

type tokenPolicy struct {
	Lifetime int64  `json:"lifetime"`
	Issuer   string `json:"issuer"`
}

// The JSON of a struct shows its exported fields, whatever the variable holding it is called.
func marshalled(u User, p tokenPolicy) {
	encoded, _ := json.MarshalIndent(u, "", "  ")
	fmt.Println("user:", string(encoded)) // want "fmt.Println logs `string\\(encoded\\)`, a whole `User` value, and its field `Password` is printed in clear \\(the JSON encoding shows exported fields\\): give `User` a `MarshalJSON` method"
	jwt, _ := json.Marshal(p)
	fmt.Println("jwt:", string(jwt))
	data, err := json.Marshal(u)
	if err != nil {
		fmt.Println(err)
		return
	}
	log.Print(string(data)) // want "log.Print logs `string\\(data\\)`, a whole `User` value"
}

// A command that prints the JSON it encoded, alone on stdout, gives its output, not a log.
func exportUser(u User) error {
	out, err := json.MarshalIndent(u, "", "  ")
	if err != nil {
		return err
	}
	fmt.Println(string(out))
	fmt.Printf("%s\n", out)
	return nil
}

// The entries of a Kubernetes Secret, by the files they are written to.
var secretEntries = map[string]string{"tls.crt": "server.crt", "tls.key": "server.key"}

// A range variable over constant names holds one of those names.
func checkEntries(data map[string][]byte, accounts map[string]string) {
	for secretKey, file := range secretEntries {
		if len(data[secretKey]) == 0 {
			log.Printf("entry %s (file %s) is missing", secretKey, file)
		}
	}
	for user, password := range accounts {
		log.Printf("account %s: %s", user, password) // want "log.Printf logs `password`, which holds a password"
	}
}

// All the request's headers: Authorization and Cookie with them.
func headers(r *http.Request) {
	log.Printf("request headers: %v", r.Header) // want "log.Printf logs `r.Header`, all the HTTP headers"
}

// From a goroutine: critical.
func background(apiKey string) {
	go func() {
		log.Printf("retrying with key %s", apiKey) // want "log.Printf logs `apiKey`, which holds an API key from a goroutine"
	}()
}

// Through functions that log their parameter: in this file, and in another package.
func audit(msg string, v any) {
	slog.Info(msg, "value", v)
}

func wrappers(password, refreshToken string) {
	audit("password changed", password)                // want "audit \\(which logs this argument\\) logs `password`"
	logutil.Debugf("refreshing with %s", refreshToken) // want "Debugf \\(which logs this argument\\) logs `refreshToken`"
}

// A struct logged by a function that takes it as its own type is reported there, once, not at every call.
func dumpUser(u User) {
	log.Printf("user: %+v", u) // want "log.Printf logs `[^`]*`, a whole `User` value, and its field `Password` is printed in clear"
}

func structWrappers(u User) {
	dumpUser(u)
	audit("user", u) // want "audit \\(which logs this argument\\) logs `[^`]*`, a whole `User` value"
}

// Likewise a parameter whose own name says credential: its log is reported in the function.
func checkLogin(user, password string) {
	log.Printf("login %s with %s", user, password) // want "log.Printf logs `password`, which holds a password"
}

func login(user, secretPassword string) {
	checkLogin(user, secretPassword)
}

// Through another package: a parameter named as something about a token, one named as a credential (a function and a method), and one with a generic name.
type serverConfig struct{ AuthToken, IDToken, ClientCert, ClientKey string }

func startAuth(cfg serverConfig, user, adminPassword string) {
	logutil.NewTokenProvider(cfg.AuthToken)
	logutil.Login(user, adminPassword)
	idp := &logutil.Client{}
	idp.CheckIDToken(cfg.IDToken)
	idp.Lookup(cfg.IDToken) // want "Lookup \\(which logs this argument\\) logs `cfg.IDToken`"
	_, _ = logutil.ClientCredentials(cfg.ClientCert, cfg.ClientKey)
}

// Key files loaded by another package's function: the struct logged whole shows paths.
type clientFiles struct {
	Cert       string
	PrivateKey string
}

func connect(f clientFiles) {
	if _, err := logutil.ClientCredentials(f.Cert, f.PrivateKey); err != nil {
		log.Printf("cannot load %+v: %v", f, err)
	}
}

// The same through a function that joins its parameters to a root before loading them; a control whose function replaces them.
type mountedFiles struct {
	Cert       string
	PrivateKey string
}

func connectMounted(f mountedFiles) {
	if _, err := logutil.ClientAuth(f.Cert, f.PrivateKey); err != nil {
		log.Printf("cannot load %+v: %v", f, err)
	}
}

type lookedUpFiles struct {
	Cert       string
	PrivateKey string
}

func connectLookedUp(f lookedUpFiles) {
	if _, err := logutil.LookedUpPair(f.Cert, f.PrivateKey); err != nil {
		log.Printf("cannot load %+v: %v", f, err) // want "log.Printf logs `[^`]*`, a whole `lookedUpFiles` value, and its field `PrivateKey` is printed in clear"
	}
}

// A configuration declared in one package, whose fields another package loads as files or mounts as a Secret's name, logged whole in a third.
func startService(cfg svcconfig.Service) {
	log.Printf("starting with %+v", cfg) // want "log.Printf logs `cfg`, a whole `Service` value, and its field `Registry.ClientSecret` is printed in clear"
	_, _ = logutil.ServiceCredentials(cfg)
}

// A secret written in the log call itself is reported once, by the rule for its kind, which says it is logged.
func banner() {
	log.Print("send mail to smtps://ops:Vq8Lz2Xw7Rk4@mail.acme-corp.net:465") // want "secrets/credential-in-url: .*hardcoded password .*and it is printed to a log"
}

// A hardcoded secret is critical wherever it is logged.
const webhookSecret = "whsec_9fQ2kLm7xZ4pRtW8Vb3Nc6Yd" // want "secrets/hardcoded-credential: Hardcoded webhook secret .* in `webhookSecret`, and it is printed to a log"

func hardcoded() {
	log.Printf("verifying with %q", webhookSecret) // want "log.Printf logs the hardcoded webhook secret \\(30 characters\\)"
}

// A *log.Logger.
func withLogger(clientSecret string) {
	logger := log.New(os.Stderr, "auth: ", log.LstdFlags)
	logger.Printf("exchanging code with %s", clientSecret) // want "log.Logger.Printf logs `clientSecret`, which holds a client secret"
}

// A labelled key on stdout that this function did not just generate is a log line.
func showStoredKey(store map[string]string) {
	apiKey := store["key"]
	fmt.Println("API Key: ", apiKey) // want "fmt.Println logs `apiKey`, which holds an API key"
}

// Outside an API object, a field named as a secret holds one.
type mirrorSpec struct {
	ClusterCredentialsSecret string
	TargetClusterName        string
}

func watchMirror(m mirrorSpec) {
	log.Printf("mirror %+v", m) // want "log.Printf logs `[^`]*`, a whole `mirrorSpec` value, and its field `ClusterCredentialsSecret` is printed"
}

// A method that only ever runs as a goroutine (`go a.record(...)`) logs from a goroutine.
type auditor struct{ out *log.Logger }

func (a *auditor) record(user, password string) {
	a.out.Printf("audit %s %s", user, password) // want "secrets/sensitive-data-logged: log.Logger.Printf logs `password`, which holds a password.* from a goroutine"
}

func startAudit(a *auditor, user, password string) {
	go a.record(user, password)
}

// Called directly too: not only on a goroutine.
func (a *auditor) note(user, password string) {
	a.out.Printf("note %s %s", user, password) // want "secrets/sensitive-data-logged: log.Logger.Printf logs `password`, which holds a password: logs"
}

func startNote(a *auditor, user, password string) {
	go a.note(user, password)
	a.note(user, password)
}

// A method sink from the policy, written with its pointer receiver.
func auditRotation(t *logutil.Trail, apiKey string) {
	t.Record("rotated", apiKey) // want "logutil.Trail.Record logs `apiKey`"
}

// An access key pair: the id is public, the secret half is not.
type awsKeys struct {
	AccessKeyID     string
	SecretAccessKey string
}

func logKeys(k awsKeys, accessKeyID, secretAccessKey string) {
	log.Printf("keys [%v]", k) // want "log.Printf logs `k`, a whole `awsKeys` value, and its field `SecretAccessKey` is printed in clear"
	log.Printf("key id %s", accessKeyID)
	log.Printf("secret %s", secretAccessKey) // want "log.Printf logs `secretAccessKey`, which holds a secret access key"
}

// Registries built by another package's functions: one that never sets the proxy password, one that does, one decoded.
func useRegistries(ref string, data []byte) {
	reg, err := registry.ParseRef(ref)
	if err != nil {
		return
	}
	log.Printf("parsed registry %+v", reg)
	proxied := registry.WithProxy(ref, "https://proxy", os.Getenv("PROXY_PASSWORD"))
	log.Printf("registry %+v", proxied) // want "log.Printf logs `proxied`, a whole `Registry` value, and its field `Options.Proxy.Password` is printed in clear"
	log.Printf("registry %+v", registry.WithProxyURL(ref, "https://proxy"))
	local := &registry.Registry{Host: ref, Options: registry.Options{Proxy: registry.Proxy{URL: "https://proxy"}}}
	log.Printf("registry %+v", local)
	withPassword := &registry.Registry{Host: ref, Options: registry.Options{Proxy: registry.Proxy{Password: os.Getenv("PROXY_PASSWORD")}}}
	log.Printf("registry %+v", withPassword) // want "log.Printf logs `withPassword`, a whole `Registry` value, and its field `Options.Proxy.Password` is printed in clear"
	decoded, err := registry.Decode(data)
	if err != nil {
		return
	}
	log.Printf("registry %+v", decoded) // want "log.Printf logs `decoded`, a whole `Registry` value, and its field `Options.Proxy.Password` is printed in clear"
	acct, err := registry.DecodeAccount(data)
	if err != nil {
		return
	}
	log.Printf("account %+v", acct)
	acct.Password = os.Getenv("REGISTRY_PASSWORD")
	log.Printf("account %+v", acct) // want "log.Printf logs `acct`, a whole `Account` value, and its field `Password` is printed in clear"
}

// Labels in the format name what a verb prints.
func capturedLogin(user, pass string, attempts int) {
	log.Printf("captured login user=%s password=%s", user, pass)   // want "secrets/sensitive-data-logged: log.Printf logs `pass` labelled \"password\" in its format"
	log.Printf("login user=%s password: %q", user, firstOf(pass))  // want "secrets/sensitive-data-logged: log.Printf logs `firstOf\\(pass\\)` labelled \"password\""
	log.Printf("password=%s attempts=%d", maskAll(pass), attempts) // a masking call: its own name says what it prints
	log.Printf("password length=%d", len(pass))
	log.Printf("GET %s?user=%s&password=%s", "/login", user, pass) // want "secrets/sensitive-data-logged: log.Printf logs `pass` labelled \"password\""
	hashedPassword := []byte(hashOf(pass))
	log.Printf("user=%s password=%s", user, string(hashedPassword)) // a converted value keeps its name, which says it is a hash
	log.Printf("user=%s password=%s", user, string(pass))           // want "secrets/sensitive-data-logged: log.Printf logs `string\\(pass\\)` labelled \"password\""
}

func hashOf(s string) string { return s }

func firstOf(s string) string { return s }

func maskAll(s string) string { return fmt.Sprintf("%d chars", len(s)) }

// A JWT named as one is a bearer credential.
func agentCheckIn(agentJWT string) {
	log.Println("checking in with", agentJWT) // want "secrets/sensitive-data-logged: .*logs `agentJWT`.*JWT"
}

// A request dumped in wire form carries its headers.
func traceRequest(r *http.Request) {
	dump, err := httputil.DumpRequest(r, false)
	if err != nil {
		return
	}
	fmt.Fprintln(os.Stderr, string(dump)) // want "secrets/sensitive-data-logged: .*logs `string\\(dump\\)`, all the HTTP headers"
	log.Printf("%d bytes of request", len(dump))
}

// A dump taken after the Authorization header is masked or deleted shows no credential.
func traceMasked(r *http.Request, hidden *http.Request) {
	for _, h := range []string{"Authorization", "X-Api-Key"} {
		if v := r.Header.Get(h); v != "" {
			r.Header.Set(h, strings.Repeat("*", len(v)))
		}
	}
	dump, err := httputil.DumpRequestOut(r, false)
	if err != nil {
		return
	}
	fmt.Fprintln(os.Stderr, string(dump))
	hidden.Header.Del("Authorization")
	if dump, err := httputil.DumpRequest(hidden, false); err == nil {
		fmt.Fprintln(os.Stderr, string(dump))
	}
}

// Strings built from a credential carry it.
func connectDatabase(dbUser, dbPwd, dbAddr, dbName string) string {
	dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", dbUser, dbPwd, dbAddr, dbName)
	log.Printf("connecting to database %s", dsn) // want "secrets/sensitive-data-logged: log.Printf logs `dsn`, which is built from `dbPwd`, a password"
	safe := fmt.Sprintf("%s@tcp(%s)/%s", dbUser, dbAddr, dbName)
	log.Printf("connecting to database %s", safe)
	masked := fmt.Sprintf("%s:%d chars", dbUser, len(dbPwd))
	log.Printf("credentials %s", masked)
	log.Println("basic auth: " + dbUser + ":" + dbPwd) // want "secrets/sensitive-data-logged: log.Println logs `\"basic auth: \" \\+ dbUser \\+ \":\" \\+ dbPwd`, which is built from `dbPwd`"
	return dsn
}

// A string that grows from itself is followed once, not forever.
func accumulate(parts []string) {
	line := ""
	for _, p := range parts {
		line = line + "," + p
	}
	log.Printf("parts %s", line)
}

// A key that names a step says what the program was doing, not what the value is.
func setupDatabase(output []byte, user, pw string) {
	slog.Debug("native/postgres", "set-password", string(output))
	slog.Info("accounts", "reset-password", string(output))
	slog.Info("login", "user", user, "password", pw) // want "secrets/sensitive-data-logged: slog.Info logs `pw`, which holds a password"
}

// An error after a label is what went wrong; a value logged for being empty holds nothing.
func checkBearer(rawJWT string, validate func(string) error) {
	if rawJWT == "" {
		log.Printf("no JWT found, raw data was: %q", rawJWT)
		return
	}
	if err := validate(rawJWT); err != nil {
		log.Printf("error when validating JWT: %s", err.Error())
		log.Printf("jwt=%v", err)
	}
	log.Printf("raw data was: %q", rawJWT) // want "secrets/sensitive-data-logged: log.Printf logs `rawJWT`, which holds a JWT"
}

// A call named for describing a value prints the description; the error of a dump is no dump.
func showAIConfig(provider, apiKey string, r *http.Request) {
	fmt.Fprintf(os.Stderr, "provider=%s, api_key=%s\n", provider, apiKeyStatus(apiKey))
	fmt.Fprintf(os.Stderr, "provider=%s, api_key=%s\n", provider, strings.TrimSpace(apiKey)) // want "secrets/sensitive-data-logged: fmt.Fprintf logs `strings.TrimSpace\\(apiKey\\)`"
	body, err := httputil.DumpRequest(r, true)
	if err != nil {
		log.Printf("failed to dump request: %s", err)
		return
	}
	log.Printf("request body: %s", body) // want "secrets/sensitive-data-logged: log.Printf logs `body`, all the HTTP headers"
}

func apiKeyStatus(key string) string {
	if key == "" {
		return "not set"
	}
	return "set"
}

// A module printf wrapper: its format's labels name what its arguments are.
type sessionModule struct{ name string }

func (m *sessionModule) Info(format string, args ...interface{}) {
	log.Printf("["+m.name+"] "+format, args...)
}

func (m *sessionModule) replay(user, pass string, attempts int) {
	m.Info("captured user=%s password=%s", user, pass) // want "secrets/sensitive-data-logged: Info \\(which logs this argument\\) logs `pass` labelled \"password\""
	m.Info("user=%s attempts=%d", user, attempts)
	args := []interface{}{user, pass}
	m.Info("user=%s password=%s", args...)
}

// A request made here with no headers holds only those the function gives it before the log.
func fetchRange(ctx context.Context, url, apiKey, user, password string, n int64) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return
	}
	req.Header.Set("Range", fmt.Sprintf("bytes=0-%d", n-1))
	log.Printf("fetching %s with headers %v", req.URL, req.Header)

	keyed, _ := http.NewRequest(http.MethodGet, url, nil)
	keyed.Header.Set("X-Api-Key", apiKey)
	log.Printf("headers %v", keyed.Header) // want "log.Printf logs `keyed.Header`, all the HTTP headers"

	basic, _ := http.NewRequest(http.MethodGet, url, nil)
	basic.SetBasicAuth(user, password)
	log.Printf("headers %v", basic.Header) // want "log.Printf logs `basic.Header`, all the HTTP headers"

	retried, _ := http.NewRequest(http.MethodGet, url, nil)
	for i := 0; i < 3; i++ {
		log.Printf("attempt %d headers %v", i, retried.Header) // want "log.Printf logs `retried.Header`, all the HTTP headers"
		retried.SetBasicAuth(user, password)
	}
	for i := 0; i < 3; i++ {
		fresh, _ := http.NewRequest(http.MethodGet, url, nil)
		log.Printf("attempt %d headers %v", i, fresh.Header)
		fresh.SetBasicAuth(user, password)
		_, _ = http.DefaultClient.Do(fresh)
	}
}

// Options built by another package's defaults and setters hold only the fields those set.
func openStores(dir string, key []byte) {
	ro := registry.DefaultStoreOptions(dir).WithReadOnly(true)
	log.Printf("opening %+v", ro)
	enc := registry.DefaultStoreOptions(dir).WithReadOnly(true).WithEncryptionKey(key)
	log.Printf("opening %+v", enc) // want "log.Printf logs `enc`, a whole `StoreOptions` value, and its field `EncryptionKey` is printed in clear"
	local := localDefaults(dir).withTimeout(5)
	log.Printf("opening %+v", local)
}

type localOptions struct {
	Dir      string
	Timeout  int
	Password string
}

func localDefaults(dir string) localOptions { return localOptions{Dir: dir} }

func (o localOptions) withTimeout(t int) localOptions {
	o.Timeout = t
	return o
}

// Logs shown only with debug output on: at debug level, or under a debug switch.
type debugClient struct {
	debug  bool
	logger *slog.Logger
}

func (c *debugClient) logDebug(format string, args ...any) {
	if c.debug {
		log.Printf(format, args...)
	}
}

func (c *debugClient) login(user, password string) {
	c.logDebug("login %s with password %s", user, password) // want "logDebug \\(which logs this argument\\) logs `password`, which holds a password at debug level"
	if c.debug {
		log.Printf("login %s with password %s", user, password) // want "log.Printf logs `password`, which holds a password when `c.debug` is on: logs"
	}
	c.logger.Debug("login", "password", password)           // want "slog.Logger.Debug logs `password`, which holds a password at debug level: logs"
	log.Printf("login %s with password %s", user, password) // want "log.Printf logs `password`, which holds a password: logs"
	log.Printf("[DEBUG] login %s with password %s", user, password) // want "log.Printf logs `password`, which holds a password at debug level: logs"
	log.Println("[TRACE] password:", password)                      // want "log.Println logs `password`, which holds a password at debug level: logs"
	log.Println("[WARN] password:", password)                       // want "log.Println logs `password`, which holds a password: logs"
}
