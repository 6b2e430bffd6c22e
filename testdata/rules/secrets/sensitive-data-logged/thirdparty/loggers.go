// Package thirdparty logs credentials with the common third-party loggers.
package thirdparty

import (
	"errors"

	"example.com/audit"
	kitlog "github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"github.com/hashicorp/go-hclog"
	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

type Credentials struct {
	Username  string
	Password  string
	apiSecret string
}

// Exported fields only, and not `json:"-"` ones, reach JSON-based encoders.
type Token struct {
	Subject     string
	AccessToken string `json:"-"`
	apiKey      string
}

func withZap(l *zap.Logger, password, apiKey string, c Credentials, t Token) {
	l.Info("login", zap.String("user", c.Username), zap.String("password", password)) // want "zap.Logger.Info logs `password`, which holds a password"
	l.With(zap.String("api_key", apiKey)).Info("client ready")                        // want "zap.Logger.With logs `apiKey`"
	l.Info("login", zap.Any("creds", c))                                              // want "zap.Logger.Info logs `[^`]*`, a whole `Credentials` value, and its field `Password` is printed in clear \\(the JSON encoding shows exported fields\\)"
	l.Info("token", zap.Reflect("token", t))                                          // exported fields only: Subject
	s := l.Sugar()
	s.Infof("client secret %s", c.Password)              // want "zap.SugaredLogger.Infof logs `c.Password`"
	s.Infow("login", "password", password)               // want "zap.SugaredLogger.Infow logs `password`"
	fields := []zap.Field{zap.String("api_key", apiKey)} // want "zap.String logs `apiKey`"
	l.Info("fields", fields...)
	l.Error("failed", zap.Error(errors.New("boom")))
}

// A field helper that wraps zap.Any: what its callers log is JSON-encoded too.
func extFields(vals ...any) zap.Field { return zap.Any("ext", vals) }

func withZapHelper(l *zap.Logger, c Credentials, t Token) {
	l.Error("dial failed", extFields(c)) // want "extFields \\(which logs this argument\\) logs `c`, a whole `Credentials` value, and its field `Password` is printed in clear \\(the JSON encoding shows exported fields\\): give `Credentials` a `MarshalJSON` method"
	l.Error("refresh failed", extFields(t))
}

func withLogrus(log *logrus.Logger, password string, c Credentials) {
	logrus.WithField("password", password).Info("login")       // want "logrus.WithField logs `password`"
	logrus.WithFields(logrus.Fields{"creds": c}).Info("login") // want "logrus.WithFields logs `[^`]*`, a whole `Credentials` value, and its fields `Password` and `apiSecret` are printed"
	log.Debugf("user %s password %s", c.Username, c.Password)  // want "logrus.Logger.Debugf logs `c.Password`"
	logrus.Infof("login as %s", c.Username)
}

func withZerolog(l zerolog.Logger, password string, t Token) {
	l.Info().Str("password", password).Msg("login") // want "zerolog.Event.Str logs `password`"
	zlog.Info().Msgf("using password %s", password) // want "zerolog.Event.Msgf logs `password`"
	zlog.Info().Interface("token", t).Msg("issued") // JSON: AccessToken is json:"-", apiKey unexported
	zlog.Printf("client secret %s", password)       // want "log.Printf logs `password`"
	// An event no Msg or Send writes is dropped; one kept in a variable may be sent later.
	l.Info().Str("password", password)
	e := l.Info().Str("password", password) // want "zerolog.Event.Str logs `password`"
	e.Str("again", password)                // want "zerolog.Event.Str logs `password`"
	e.Send()
}

func withGoKit(logger kitlog.Logger, sessionToken string) {
	level.Info(logger).Log("msg", "session started", "session_token", sessionToken) // want "log.Logger.Log logs `sessionToken`"
	kitlog.With(logger, "token", sessionToken)                                      // want "log.With logs `sessionToken`"
	level.Error(logger).Log("msg", "login failed", "user", "alice")
}

func withHclog(l hclog.Logger, password string) {
	l.Info("connecting", "password", password) // want "hclog.Logger.Info logs `password`"
	l.With("user", "alice").Debug("connected")
}

// A sink from the policy (redline.yaml: log-sinks).
func withAudit(apiKey string) {
	audit.Write("rotated", apiKey) // want "audit.Write logs `apiKey`"
}

// A method sink from the policy on a type of a package Redline does not read: known by the declared type.
type rotator struct{ trail *audit.Trail }

func (r rotator) rotate(t *audit.Trail, apiKey string) {
	t.Record("rotated", apiKey)       // want "audit.Trail.Record logs `apiKey`"
	r.trail.Record("rotated", apiKey) // want "audit.Trail.Record logs `apiKey`"
}

// A function that writes its parameter to the policy's sink logs it (facts follow the option).
func record(event, v string) {
	audit.Write(event, v)
}

func rotate(apiKey string) {
	record("rotated", apiKey) // want "record \\(which logs this argument\\) logs `apiKey`"
}

func withKlog(bootstrapToken string, err error) {
	klog.Infof("joining with %s", bootstrapToken)                      // want "klog.Infof logs `bootstrapToken`"
	klog.V(2).Infof("token %s", bootstrapToken)                        // want "klog.Infof logs `bootstrapToken`"
	klog.InfoS("joining", "token", bootstrapToken)                     // want "klog.InfoS logs `bootstrapToken`"
	klog.ErrorS(err, "join failed", "bootstrap_token", bootstrapToken) // want "klog.ErrorS logs `bootstrapToken`"
}

// A boolean about a token is not the token, whatever the key says (the session's type is unknown to Redline).
func withTokenState(l hclog.Logger, s *audit.Session, expired bool) {
	l.Debug("refresh", "will_refresh_access_token", !s.Valid())
	l.Debug("refresh", "access_token_usable", s.Valid() && !expired)
}
