package logged

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strings"
)

// Types that mask their credentials for the logger in use.
type Account struct {
	Name   string
	APIKey string
}

func (a Account) String() string { return a.Name }

type Client struct {
	ID           string
	ClientSecret string
}

func (c Client) LogValue() slog.Value { return slog.StringValue(c.ID) }

type Config struct {
	Host     string
	Password string `safe:"mask"`
}

type Secret string

func (Secret) String() string { return "****" }

// Not credentials, or not shown.
func notShown(u User, a Account, c Client, cfg Config, password string, pw Secret, w http.ResponseWriter) {
	log.Printf("user type %T", u)                                   // the type only
	log.Printf("password set: %t", password != "")                  // a bool
	log.Printf("password length %d", len(password))                 // a number
	log.Printf("password hash %x", sha256.Sum256([]byte(password))) // a hash
	log.Printf("prefix %.4s", password)                             // a short prefix
	log.Printf("account %v", a)                                     // String masks it
	slog.Info("client", "c", c)                                     // LogValue masks it
	log.Printf("config %+v", cfg)                                   // the field is tagged
	log.Printf("secret %v", pw)                                     // String masks it
	fmt.Fprintf(w, "your password is %s", password)                 // an HTTP response, not a log
	_ = fmt.Sprintf("password=%s", password)                        // not logged here
	log.Printf("user %s <%s>", u.Name, u.Email)                     // other fields
}

// Names that are not credentials: pagination and challenge tokens, Kubernetes
// Secret names, the working directory, hashed values, key ids.
func notCredentials(nextPageToken, token, secret, hashedPassword, keyID string) {
	log.Printf("next page: %s", nextPageToken)
	log.Printf("serving ACME challenge %s", token)
	slog.Info("secret not found", "secret", secret)
	log.Printf("stored %s", hashedPassword)
	log.Printf("key id %s", keyID)
	pwd, _ := os.Getwd()
	log.Printf("working in %s", pwd)
}

// A git credential helper prints the password as its output: the program's
// result on stdout, not a log line.
func askPass(c Credentials, accessToken string) {
	fmt.Println(c.Password)
	fmt.Printf("%s\n", accessToken)
}

// A key-generation command hands the new keys to its user on stdout.
func generateKeys() {
	apiKey := newAPIKey("API")
	secret := randomSecret()
	fmt.Println("API Key: ", apiKey)
	fmt.Printf("API Secret: %s\n", secret)
}

// A setup command shows the password it has just generated, with a label that names the account; a debug line does not count.
func createAccount(address string, apiToken string) {
	password := generatePassword()
	fmt.Printf("Account password for %s: %s\n", address, password)
	fmt.Printf("Password for %s: %s\n", os.Args[1], password)
	fmt.Printf("created %s with password %s and token %s\n", address, password, apiToken) // want "fmt.Printf logs `password`, which holds a password" "fmt.Printf logs `apiToken`, which holds an API token"
}

func generatePassword() string { return "pw" }

// A command that prints a token in the form asked for: bare, or as a header line.
type oauthToken struct{ AccessToken, IDToken string }

func printToken(tok oauthToken, header, oidc bool) {
	if header {
		if oidc {
			fmt.Println("Authorization: Bearer", tok.IDToken)
		} else {
			fmt.Println("Authorization: Bearer", tok.AccessToken)
		}
		return
	}
	fmt.Println(tok.AccessToken)
	if oidc {
		fmt.Println(tok.IDToken)
	}
}

// Printed with a label only: a debug line.
func showToken(tok oauthToken) {
	fmt.Println("access token:", tok.AccessToken) // want "fmt.Println logs `tok.AccessToken`, which holds an access token"
}

// The same with translated messages, and a key the server has just created for the command.
type bucketKey struct{ AccessKey, SecretKey string }

func createBucketKey(name string) (bucketKey, error) { return bucketKey{AccessKey: name}, nil }

func tr(msg string) string { return msg }

func showNewKey(name string) {
	password := generatePassword()
	fmt.Printf(tr("Login with password %q")+"\n", password)
	key, err := createBucketKey(name)
	if err != nil {
		return
	}
	fmt.Printf(tr("Access key: %s")+"\n", key.AccessKey)
	fmt.Printf(tr("Secret key: %s")+"\n", key.SecretKey)
	log.Printf("created key %s", key.SecretKey) // want "log.Printf logs `key.SecretKey`, which holds a secret key"
	fmt.Printf(tr(name)+"\n", key.SecretKey)    // want "fmt.Printf logs `key.SecretKey`, which holds a secret key"
}

func newAPIKey(prefix string) string { return prefix + "xyz" }
func randomSecret() string           { return "s3cr3t-from-rand" }

// pwd is the working directory here.
var pwd = workingDir()

func workingDir() string { d, _ := os.Getwd(); return d }

func checkDir(root string) {
	log.Printf("current directory %s is not under %s", pwd, root)
}

// Logs in branches a constant rules out: the compiler drops them.
const debugPrint = false

type connectReq struct {
	Host  string
	Token string
}

func handle(req connectReq, password string) {
	if debugPrint {
		fmt.Printf("got %+v\n", req)
	}
	if debugPrint && req.Host != "" {
		log.Printf("password %s", password)
	}
	if !debugPrint {
		return
	} else {
		log.Println(password)
	}
}

// The same log with a condition known only at run time is reported.
var verbose = os.Getenv("VERBOSE") != ""

func handleVerbose(req connectReq) {
	if verbose {
		fmt.Printf("got %+v\n", req) // want "fmt.Printf logs `[^`]*`, a whole `connectReq` value"
	}
}

// A flag named like a key whose usage says it holds a path: the path is logged, not the key.
var (
	tlsClientKey = flag.String("tls-client-key", "", "The path to a file that contains the client private key")
	clientSecret = flag.String("client-secret", "", "OAuth client secret of the app")
)

func flagsLogged() {
	log.Printf("loading the client key from %s", *tlsClientKey)
	log.Printf("client secret: %s", *clientSecret) // want "secrets/sensitive-data-logged: log.Printf logs `\\*clientSecret`, which holds a client secret"
}

// Fields that hold where key material is: the package loads them as file names.
type TLSFiles struct {
	ClientCert string
	ClientKey  string
	Password   string
}

func registerTLS(files TLSFiles) error {
	if _, err := tls.LoadX509KeyPair(files.ClientCert, files.ClientKey); err != nil {
		return err
	}
	log.Printf("client cert %q, client key %q", files.ClientCert, files.ClientKey)
	log.Printf("password %q", files.Password) // want "log.Printf logs `files.Password`, which holds a password"
	log.Printf("loaded %+v", files)           // want "log.Printf logs `[^`]*`, a whole `TLSFiles` value, and its field `Password` is printed in clear"
	return nil
}

// Names of Kubernetes Secret objects: the package passes them as the name of the object to write.
type SecretObjects interface {
	Patch(name string, patch []byte) error
}

type secretsClient struct{}

func (secretsClient) Patch(ctx context.Context, name string, patch []byte) error { return nil }

type coreClient struct{}

func (coreClient) Secrets(namespace string) secretsClient { return secretsClient{} }

type Bootstrap struct {
	RootTokenSecret   string
	RunnerTokenSecret string
	RootToken         string
}

func (b Bootstrap) persist(ctx context.Context, objects SecretObjects, core coreClient) error {
	log.Printf("writing the root token into secret %s", b.RootTokenSecret)
	if err := objects.Patch(b.RootTokenSecret, nil); err != nil {
		return err
	}
	secrets := core.Secrets("default")
	log.Printf("writing the runner token into secret %s", b.RunnerTokenSecret)
	if err := secrets.Patch(ctx, b.RunnerTokenSecret, nil); err != nil {
		return err
	}
	log.Printf("root token %s", b.RootToken) // want "log.Printf logs `b.RootToken`, which holds a root token"
	return nil
}

// A Secret's name read with a lister (`Secrets(ns).Get(name)`, its parameter unnamed as in client-go's generated listers).
type secretNamespaceLister interface {
	Get(string) (*SecretVolumeSource, error)
}

type secretLister interface {
	Secrets(namespace string) secretNamespaceLister
}

type TracingConfig struct {
	Endpoint          string
	CredentialsSecret string
}

type ExporterConfig struct {
	Endpoint          string
	CredentialsSecret string
}

func tracingCredentials(cfg *TracingConfig, exporter ExporterConfig, lister secretLister) error {
	log.Printf("tracing config: %+v", cfg)
	log.Printf("exporter config: %+v", exporter) // want "log.Printf logs `exporter`, a whole `ExporterConfig` value, and its field `CredentialsSecret` is printed in clear"
	_, err := lister.Secrets("tekton").Get(cfg.CredentialsSecret)
	return err
}

// A registry built here without its proxy options: the password it would print is always empty; set, it is printed.
type ProxyOptions struct {
	Host     string
	Password string
}

type RegistryOptions struct{ Proxy ProxyOptions }

type Registry struct {
	Host    string
	Options RegistryOptions
}

func registryFromNode(name string, port int) *Registry {
	reg := &Registry{Host: name}
	if port != 0 {
		reg.Host = fmt.Sprintf("%s:%d", name, port)
	}
	log.Printf("registry %+v", reg)
	return reg
}

func registryWithProxy(name, password string) *Registry {
	reg := &Registry{Host: name}
	reg.Options.Proxy = ProxyOptions{Host: "proxy", Password: password}
	log.Printf("registry %+v", reg) // want "log.Printf logs `reg`, a whole `Registry` value, and its field `Options.Proxy.Password` is printed in clear"
	return reg
}

// A zero value whose other fields are filled by Scan, one per iteration: its token is always empty.
type ruleRow struct {
	ID    string
	Name  string
	Token string
}

type rowScanner interface {
	Next() bool
	Scan(dest ...any) error
}

func readRules(rows rowScanner) []*ruleRow {
	var out []*ruleRow
	for rows.Next() {
		var r ruleRow
		if err := rows.Scan(&r.ID, &r.Name); err != nil {
			return nil
		}
		log.Printf("rule %v", r)
		out = append(out, &r)
	}
	var named ruleRow
	named.Name = "n"
	log.Printf("rule %v", named)
	for rows.Next() {
		var r ruleRow
		if err := rows.Scan(&r.ID, &r.Token); err != nil {
			return nil
		}
		log.Printf("rule %v", r) // want "log.Printf logs `r`, a whole `ruleRow` value, and its field `Token` is printed in clear"
	}
	var shared ruleRow
	for rows.Next() {
		log.Printf("rule %v", shared) // want "log.Printf logs `shared`, a whole `ruleRow` value, and its field `Token` is printed in clear"
		_ = rows.Scan(&shared.Token)
	}
	return out
}

// A copy whose secrets are masked before it is logged; a copy masked only in part.
type AgentOptions struct {
	Host          string
	MongoPassword string
	TLSPrivateKey string
}

func logOptions(opts AgentOptions) {
	redacted := opts
	if redacted.MongoPassword != "" {
		redacted.MongoPassword = "****"
	}
	redacted.TLSPrivateKey = ""
	log.Printf("agent options: %+v", redacted)
	partly := opts
	partly.MongoPassword = "****"
	log.Printf("agent options: %+v", partly) // want "log.Printf logs `[^`]*`, a whole `AgentOptions` value, and its field `TLSPrivateKey` is printed in clear"
}

// A Secret's name used as the SecretName of a volume: the struct logged whole shows a name.
type SecretVolumeSource struct{ SecretName string }

type BuilderConfig struct {
	PullSecret   string
	ClientSecret string
}

func builderVolume(cfg BuilderConfig) SecretVolumeSource {
	log.Printf("starting with %+v", cfg) // want "log.Printf logs `[^`]*`, a whole `BuilderConfig` value, and its field `ClientSecret` is printed in clear"
	return SecretVolumeSource{SecretName: cfg.PullSecret}
}

// The name of a repository secret, introduced as a name by the format.
type LoopConfig struct {
	TokenSecret  string
	ClientSecret string
}

func printNextSteps(cfg LoopConfig) {
	fmt.Printf("Add a repo secret named %s holding a personal access token.\n", cfg.TokenSecret)
	fmt.Printf("GH_TOKEN: ${{ secrets.%s }}\n", cfg.TokenSecret)
	fmt.Printf("configured client secret %s\n", cfg.ClientSecret) // want "fmt.Printf logs `cfg.ClientSecret`, which holds a client secret"
}

// StoreKit's appAccountToken is a UUID that ties a purchase to an account.
type Purchase struct {
	AppAccountToken string
	AccessToken     string
}

func logPurchase(p Purchase) {
	log.Printf("purchase for account %s", p.AppAccountToken)
	log.Printf("purchase with %s", p.AccessToken) // want "log.Printf logs `p.AccessToken`, which holds an access token"
}

// A configuration whose secrets a method replaces before it is logged.
type ServerConf struct {
	Addr              string
	SigningPassphrase string
}

func (c ServerConf) getRedacted() ServerConf {
	c.SigningPassphrase = "[redacted]"
	return c
}

func startServer(c ServerConf) {
	log.Printf("starting with %+v", c.getRedacted())
	log.Printf("starting with %+v", c) // want "log.Printf logs `[^`]*`, a whole `ServerConf` value, and its field `SigningPassphrase` is printed in clear"
}

// An ACME challenge's token is published by design (at /.well-known/acme-challenge/): not a credential.
type Challenge struct {
	Type  string
	Token string
}

// A session's token is one.
type Session struct {
	User  string
	Token string
}

func logChallenges(c Challenge, s Session) {
	log.Printf("challenge %+v", c)
	log.Printf("session %+v", s) // want "log.Printf logs `[^`]*`, a whole `Session` value, and its field `Token` is printed in clear"
}

// Undoing a mask is the opposite of redacting.
type Vault struct{ sealed string }

func (v Vault) unmaskPassword() string { return v.sealed }

func logUnmasked(v Vault) {
	log.Printf("opened with %s", v.unmaskPassword()) // want "log.Printf logs `v.unmaskPassword\\(\\)`, which holds a password"
}

// A Kubernetes API object names the Secret that holds its credentials.
type TypeMeta struct{ Kind, APIVersion string }
type ObjectMeta struct{ Name, Namespace string }
type LinkSpec struct {
	ClusterCredentialsSecret string
	TargetClusterName        string
}
type Link struct {
	TypeMeta
	ObjectMeta
	Spec LinkSpec
}

func watchLink(l Link) { log.Printf("link %+v", l) }

// A field bound to a flag whose usage says it holds a path shows a file name; one that holds the secret shows it.
type composeOptions struct {
	OutFile  string
	Password string
}

type rawOptions struct{ HMACSecret string }

func composeFlags(fs *flag.FlagSet) {
	var opts composeOptions
	fs.StringVar(&opts.OutFile, "out", "compose.yml", "name of the output file")
	fs.StringVar(&opts.Password, "password", "", "path to the password file")
	var raw rawOptions
	fs.StringVar(&raw.HMACSecret, "hmac_secret", "", "the HMAC secret itself")
	_ = fs.Parse(os.Args[1:])
	fmt.Printf("options: %+v\n", opts)
	fmt.Printf("options: %+v\n", raw) // want "logs `raw`, a whole `rawOptions` value, and its field `HMACSecret` is printed in clear"
}

// A flag that names a Kubernetes Secret, or a key inside one, says where the credential is kept.
type dbOptions struct {
	DBSecretKey  string
	AWSSecretKey string
}

func dbFlags(fs *flag.FlagSet) {
	var opts dbOptions
	fs.StringVar(&opts.DBSecretKey, "database-secret-key", "postgresql-root-password", "Kubernetes secret key used for database credentials")
	fs.StringVar(&opts.AWSSecretKey, "aws-secret-key", "", "AWS secret key for the backups")
	_ = fs.Parse(os.Args[1:])
	fmt.Printf("options: %+v\n", opts) // want "its field `AWSSecretKey` is printed in clear"
}

// A mask as long as the secret shows only its length.
func maskedLength(user, password string) {
	log.Printf("user=%s password=%s", user, strings.Repeat("*", len(password)))
	log.Printf("user=%s password=%s", user, strings.Repeat(password, 1)) // want "log.Printf logs `strings.Repeat\\(password, 1\\)`"
}

// A key-generation command prints the keys it has just made, encoded, to stdout: program output.
func x25519Command(input []byte) {
	privateKey := input
	privateKey, publicKey, err := generateX25519(privateKey)
	if err != nil {
		return
	}
	fmt.Printf("PrivateKey: %v\nPassword (PublicKey): %v\n", hex.EncodeToString(privateKey), hex.EncodeToString(publicKey[:]))
}

func generateX25519(seed []byte) ([]byte, []byte, error) { return seed, seed, nil }

// An export command prints shell assignments for eval: program output. The same line logged is a log.
type awsCredentials struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
}

func exportEnv(creds awsCredentials, prefix string) {
	fmt.Printf("%sAWS_ACCESS_KEY_ID=%s\n", prefix, creds.AccessKeyID)
	fmt.Printf("%sAWS_SECRET_ACCESS_KEY=%s\n", prefix, creds.SecretAccessKey)
	fmt.Printf("export AWS_SESSION_TOKEN=%q\n", creds.SessionToken)
	log.Printf("refreshed AWS_SECRET_ACCESS_KEY=%s", creds.SecretAccessKey)     // want "secrets/sensitive-data-logged: log.Printf logs `creds.SecretAccessKey`"
	fmt.Fprintf(os.Stderr, "AWS_SECRET_ACCESS_KEY=%s\n", creds.SecretAccessKey) // want "secrets/sensitive-data-logged: fmt.Fprintf logs `creds.SecretAccessKey`"
	fmt.Printf("connecting with secret access key %s\n", creds.SecretAccessKey) // want "secrets/sensitive-data-logged: fmt.Printf logs `creds.SecretAccessKey`"
}

// A command that prints connection strings: lines without words are its output. A line with words is a message.
type dbUser struct {
	Username string
	Password string
	Port     int
}

func printConnectionStrings(host string, users []dbUser) {
	for _, u := range users {
		fmt.Printf("postgres://%s:%s@%s:%d\n", u.Username, u.Password, host, u.Port)
		fmt.Printf("%s:%s\n", u.Username, u.Password)
		fmt.Printf("user %s has password %s\n", u.Username, u.Password) // want "secrets/sensitive-data-logged: fmt.Printf logs `u.Password`"
		log.Printf("%s:%s", u.Username, u.Password)                     // want "secrets/sensitive-data-logged: log.Printf logs `u.Password`"
	}
}

// A field this function fills from a generator is shown to the user who asked for it; one it did not fill is not.
type createRequest struct {
	Name     string
	Password string
}

func createWithGeneratedPassword(req *createRequest, other *createRequest) error {
	var err error
	req.Password, err = generatePasswordErr(21)
	if err != nil {
		return err
	}
	fmt.Printf("Your generated password is %s\n", req.Password)
	fmt.Printf("The other password is %s\n", other.Password) // want "secrets/sensitive-data-logged: fmt.Printf logs `other.Password`"
	return nil
}

func generatePasswordErr(n int) (string, error) { return "", nil }

// Tokens that locate or identify work, not credentials: a branch of an event history, a task to complete.
type historyBranch struct {
	BranchToken []byte
	Events      []int64
}

type pollResponse struct {
	TaskToken []byte
	Attempt   int32
	AuthToken string
}

func logWorkTokens(b *historyBranch, resp *pollResponse) {
	log.Printf("branch mismatch: %+v", b)
	log.Printf("polled %+v", resp) // want "a whole `pollResponse` value, and its field `AuthToken` is printed in clear"
}

// A variable named for fetching a credential holds where to fetch it from ("env:NAME", "file:/path").
type vaultSource struct {
	fetchVaultToken string
	vaultToken      string
}

func (v *vaultSource) describe() {
	log.Printf("vault token source: %s", v.fetchVaultToken)
	log.Printf("vault token: %s", v.vaultToken)   // want "log.Printf logs `v.vaultToken`"
	log.Printf("vault token: %s", loadAPIToken()) // want "log.Printf logs `loadAPIToken\\(\\)`"
}

func loadAPIToken() string { return "" }

// A short prefix is the redacted form the messages recommend; a longer slice still shows the credential.
func logTokenPrefixes(accessToken string) {
	log.Printf("AccessToken: %s", accessToken[:10]+"...")
	log.Printf("access token %.12s", accessToken)
	log.Printf("AccessToken: %s", accessToken[:24])  // want "log.Printf logs `accessToken\\[:24\\]`"
	log.Printf("AccessToken: %s", accessToken[4:10]) // want "log.Printf logs `accessToken\\[4:10\\]`"
}
