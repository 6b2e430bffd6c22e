/**
 * Hand-written API tables for well-known third-party packages that rules
 * care about (loggers, gRPC metadata, x/crypto/ssh, x/sync/errgroup). Same format as the
 * generated stdlib table; only the parts rules need, not the whole API.
 */
import type { StdlibTable, TablePackage, TableType } from './format.js';

const zapLevels = ['Debug', 'Info', 'Warn', 'Error', 'DPanic', 'Panic', 'Fatal'];
const zapLogger: Record<string, string> = { With: '*(...go.uber.org/zap.Field) *go.uber.org/zap.Logger', Sugar: '*() *go.uber.org/zap.SugaredLogger', Sync: '*() error', Named: '*(string) *go.uber.org/zap.Logger', Log: '*(go.uber.org/zap/zapcore.Level, string, ...go.uber.org/zap.Field)', Check: '*(go.uber.org/zap/zapcore.Level, string) *go.uber.org/zap/zapcore.CheckedEntry', Core: '*() go.uber.org/zap/zapcore.Core', WithOptions: '*(...go.uber.org/zap.Option) *go.uber.org/zap.Logger', Level: '*() go.uber.org/zap/zapcore.Level' };
for (const l of zapLevels) zapLogger[l] = '*(string, ...go.uber.org/zap.Field)';
const zapSugar: Record<string, string> = { With: '*(...interface{}) *go.uber.org/zap.SugaredLogger', Desugar: '*() *go.uber.org/zap.Logger', Sync: '*() error', Named: '*(string) *go.uber.org/zap.SugaredLogger' };
for (const l of zapLevels) {
  zapSugar[l] = '*(...interface{})';
  zapSugar[l + 'f'] = '*(string, ...interface{})';
  zapSugar[l + 'w'] = '*(string, ...interface{})';
  zapSugar[l + 'ln'] = '*(...interface{})';
}

const logrusLevels = ['Trace', 'Debug', 'Info', 'Print', 'Warn', 'Warning', 'Error', 'Fatal', 'Panic'];
function logrusMethods(recvPtr: boolean): Record<string, string> {
  const p = recvPtr ? '*' : '';
  const m: Record<string, string> = {
    WithField: `${p}(string, interface{}) *github.com/sirupsen/logrus.Entry`,
    WithFields: `${p}(github.com/sirupsen/logrus.Fields) *github.com/sirupsen/logrus.Entry`,
    WithError: `${p}(error) *github.com/sirupsen/logrus.Entry`,
    WithContext: `${p}(context.Context) *github.com/sirupsen/logrus.Entry`,
    WithTime: `${p}(time.Time) *github.com/sirupsen/logrus.Entry`,
    Log: `${p}(github.com/sirupsen/logrus.Level, ...interface{})`,
    Logf: `${p}(github.com/sirupsen/logrus.Level, string, ...interface{})`,
    Logln: `${p}(github.com/sirupsen/logrus.Level, ...interface{})`,
  };
  for (const l of logrusLevels) {
    m[l] = `${p}(...interface{})`;
    m[l + 'f'] = `${p}(string, ...interface{})`;
    m[l + 'ln'] = `${p}(...interface{})`;
  }
  return m;
}
const logrusLogger = { ...logrusMethods(true), SetLevel: '*(github.com/sirupsen/logrus.Level)', SetOutput: '*(io.Writer)', SetFormatter: '*(github.com/sirupsen/logrus.Formatter)', SetReportCaller: '*(bool)', GetLevel: '*() github.com/sirupsen/logrus.Level', Exit: '*(int)', Writer: '*() *io.PipeWriter', AddHook: '*(github.com/sirupsen/logrus.Hook)' };
const logrusEntry = { ...logrusMethods(true), String: '*() (string, error)', Bytes: '*() ([]uint8, error)', Dup: '*() *github.com/sirupsen/logrus.Entry' };
const logrusFuncs: Record<string, { s: string }> = {
  New: { s: 'func() *github.com/sirupsen/logrus.Logger' },
  StandardLogger: { s: 'func() *github.com/sirupsen/logrus.Logger' },
  NewEntry: { s: 'func(*github.com/sirupsen/logrus.Logger) *github.com/sirupsen/logrus.Entry' },
  ParseLevel: { s: 'func(string) (github.com/sirupsen/logrus.Level, error)' },
  SetLevel: { s: 'func(github.com/sirupsen/logrus.Level)' },
  GetLevel: { s: 'func() github.com/sirupsen/logrus.Level' },
  SetOutput: { s: 'func(io.Writer)' },
  SetFormatter: { s: 'func(github.com/sirupsen/logrus.Formatter)' },
  SetReportCaller: { s: 'func(bool)' },
  AddHook: { s: 'func(github.com/sirupsen/logrus.Hook)' },
  Exit: { s: 'func(int)' },
};
for (const [k, v] of Object.entries(logrusMethods(false))) logrusFuncs[k] = { s: 'func' + v };

const zerologEventStr: Record<string, string> = {
  Str: '(string, string)', Strs: '(string, []string)', Stringer: '(string, fmt.Stringer)', Bytes: '(string, []uint8)',
  Hex: '(string, []uint8)', RawJSON: '(string, []uint8)', Int: '(string, int)', Int64: '(string, int64)', Int32: '(string, int32)',
  Uint: '(string, uint)', Uint64: '(string, uint64)', Float64: '(string, float64)', Bool: '(string, bool)',
  Err: '(error)', AnErr: '(string, error)', Errs: '(string, []error)', Interface: '(string, interface{})', Any: '(string, interface{})',
  Dur: '(string, time.Duration)', Time: '(string, time.Time)', Timestamp: '()', Stack: '()', Caller: '(...int)',
  Dict: '(string, *github.com/rs/zerolog.Event)', Fields: '(interface{})', Ctx: '(context.Context)', Discard: '()',
  Func: '(func(*github.com/rs/zerolog.Event))', IPAddr: '(string, net.IP)', Type: '(string, interface{})',
};
const zerologEvent: Record<string, string> = { Msg: '*(string)', Msgf: '*(string, ...interface{})', Send: '*()', Enabled: '*() bool', MsgFunc: '*(func() string)' };
for (const [k, v] of Object.entries(zerologEventStr)) zerologEvent[k] = `*${v} *github.com/rs/zerolog.Event`;
const zerologCtx: Record<string, string> = { Logger: '() github.com/rs/zerolog.Logger' };
for (const [k, v] of Object.entries(zerologEventStr)) {
  if (['Discard', 'Func', 'Ctx', 'Dict'].includes(k)) continue;
  zerologCtx[k] = `${v} github.com/rs/zerolog.Context`;
}
const zl = 'github.com/rs/zerolog';
const zerologLevelFns = ['Trace', 'Debug', 'Info', 'Warn', 'Error', 'Fatal', 'Panic', 'Log'];
const zerologLogger: Record<string, string> = {
  Err: `(error) *${zl}.Event`, WithLevel: `(${zl}.Level) *${zl}.Event`, With: `() ${zl}.Context`, Level: `(${zl}.Level) ${zl}.Logger`,
  Output: `(io.Writer) ${zl}.Logger`, Print: '(...interface{})', Printf: '(string, ...interface{})', Println: '(...interface{})',
  Write: '([]uint8) (int, error)', GetLevel: `() ${zl}.Level`, Sample: `(${zl}.Sampler) ${zl}.Logger`, Hook: `(...${zl}.Hook) ${zl}.Logger`,
  UpdateContext: `*(func(${zl}.Context) ${zl}.Context)`, WithContext: `(context.Context) context.Context`,
};
for (const l of zerologLevelFns) zerologLogger[l] = `() *${zl}.Event`;
const zerologLogFuncs: Record<string, { s: string }> = {
  Err: { s: `func(error) *${zl}.Event` }, WithLevel: { s: `func(${zl}.Level) *${zl}.Event` }, With: { s: `func() ${zl}.Context` },
  Level: { s: `func(${zl}.Level) ${zl}.Logger` }, Output: { s: `func(io.Writer) ${zl}.Logger` }, Print: { s: 'func(...interface{})' },
  Printf: { s: 'func(string, ...interface{})' }, Ctx: { s: `func(context.Context) *${zl}.Logger` }, Hook: { s: `func(${zl}.Hook) ${zl}.Logger` },
  Sample: { s: `func(${zl}.Sampler) ${zl}.Logger` },
};
for (const l of zerologLevelFns) zerologLogFuncs[l] = { s: `func() *${zl}.Event` };

/** go-kit's structured logger (also vendored as go-kit/kit/log): `Log(keyvals...)`, and `level.Info(l)` wrappers. */
function goKitLog(path: string): Record<string, TablePackage> {
  const L = `${path}.Logger`;
  return {
    [path]: {
      n: 'log',
      t: { Logger: { u: 'interface{Log(...interface{}) error}' }, Valuer: { u: 'func() interface{}' } },
      f: {
        With: { s: `func(${L}, ...interface{}) ${L}` }, WithPrefix: { s: `func(${L}, ...interface{}) ${L}` }, WithSuffix: { s: `func(${L}, ...interface{}) ${L}` },
        NewLogfmtLogger: { s: `func(io.Writer) ${L}` }, NewJSONLogger: { s: `func(io.Writer) ${L}` }, NewNopLogger: { s: `func() ${L}` },
        NewSyncWriter: { s: 'func(io.Writer) io.Writer' }, NewSyncLogger: { s: `func(${L}) ${L}` }, NewStdlibAdapter: { s: `func(${L}) io.Writer` },
      },
      v: { DefaultTimestampUTC: `${path}.Valuer`, DefaultCaller: `${path}.Valuer` },
    },
    [`${path}/level`]: {
      n: 'level',
      f: {
        Debug: { s: `func(${L}) ${L}` }, Info: { s: `func(${L}) ${L}` }, Warn: { s: `func(${L}) ${L}` }, Error: { s: `func(${L}) ${L}` },
      },
    },
  };
}

const hclog = 'github.com/hashicorp/go-hclog';
const hclogMethods: Record<string, string> = {
  Log: `(${hclog}.Level, string, ...interface{})`, With: `(...interface{}) ${hclog}.Logger`, Named: `(string) ${hclog}.Logger`,
  ResetNamed: `(string) ${hclog}.Logger`, Name: '() string', IsTrace: '() bool', IsDebug: '() bool', IsInfo: '() bool', IsWarn: '() bool', IsError: '() bool',
  SetLevel: `(${hclog}.Level)`, GetLevel: `() ${hclog}.Level`, ImpliedArgs: '() []interface{}',
};
for (const l of ['Trace', 'Debug', 'Info', 'Warn', 'Error']) hclogMethods[l] = '(string, ...interface{})';

const sshT = (u: string, m?: Record<string, string>): TableType => (m ? { u, m } : { u });
const ssh = 'golang.org/x/crypto/ssh';

export const THIRD_PARTY: StdlibTable = {
  ...goKitLog('github.com/go-kit/log'),
  ...goKitLog('github.com/go-kit/kit/log'),
  [hclog]: {
    n: 'hclog',
    t: {
      Logger: { u: `interface{${Object.entries(hclogMethods).map(([m, sig]) => `${m}${sig}`).join('; ')}}` },
      Level: { u: 'int32' },
      LoggerOptions: { u: `struct{Name string; Level ${hclog}.Level; Output io.Writer; JSONFormat bool}` },
    },
    f: {
      New: { s: `func(*${hclog}.LoggerOptions) ${hclog}.Logger` }, Default: { s: `func() ${hclog}.Logger` },
      L: { s: `func() ${hclog}.Logger` }, NewNullLogger: { s: `func() ${hclog}.Logger` },
    },
  },
  'go.uber.org/zap': {
    n: 'zap',
    t: {
      Logger: { u: 'struct{}', m: zapLogger },
      SugaredLogger: { u: 'struct{}', m: zapSugar },
      Field: { u: 'go.uber.org/zap/zapcore.Field', a: 1 },
      Option: { u: 'interface{}' },
      Config: { u: 'struct{Level go.uber.org/zap.AtomicLevel; Development bool; Encoding string; OutputPaths []string; ErrorOutputPaths []string; InitialFields map[string]interface{}}', m: { Build: '(...go.uber.org/zap.Option) (*go.uber.org/zap.Logger, error)' } },
      AtomicLevel: { u: 'struct{}', m: { SetLevel: '(go.uber.org/zap/zapcore.Level)', Level: '() go.uber.org/zap/zapcore.Level' } },
    },
    f: {
      New: { s: 'func(go.uber.org/zap/zapcore.Core, ...go.uber.org/zap.Option) *go.uber.org/zap.Logger' },
      NewProduction: { s: 'func(...go.uber.org/zap.Option) (*go.uber.org/zap.Logger, error)' },
      NewDevelopment: { s: 'func(...go.uber.org/zap.Option) (*go.uber.org/zap.Logger, error)' },
      NewExample: { s: 'func(...go.uber.org/zap.Option) *go.uber.org/zap.Logger' },
      NewNop: { s: 'func() *go.uber.org/zap.Logger' },
      Must: { s: 'func(*go.uber.org/zap.Logger, error) *go.uber.org/zap.Logger' },
      L: { s: 'func() *go.uber.org/zap.Logger' },
      S: { s: 'func() *go.uber.org/zap.SugaredLogger' },
      ReplaceGlobals: { s: 'func(*go.uber.org/zap.Logger) func()' },
      NewProductionConfig: { s: 'func() go.uber.org/zap.Config' },
      NewDevelopmentConfig: { s: 'func() go.uber.org/zap.Config' },
      String: { s: 'func(string, string) go.uber.org/zap/zapcore.Field' },
      Strings: { s: 'func(string, []string) go.uber.org/zap/zapcore.Field' },
      ByteString: { s: 'func(string, []uint8) go.uber.org/zap/zapcore.Field' },
      Binary: { s: 'func(string, []uint8) go.uber.org/zap/zapcore.Field' },
      Any: { s: 'func(string, interface{}) go.uber.org/zap/zapcore.Field' },
      Reflect: { s: 'func(string, interface{}) go.uber.org/zap/zapcore.Field' },
      Stringer: { s: 'func(string, fmt.Stringer) go.uber.org/zap/zapcore.Field' },
      Error: { s: 'func(error) go.uber.org/zap/zapcore.Field' },
      NamedError: { s: 'func(string, error) go.uber.org/zap/zapcore.Field' },
      Int: { s: 'func(string, int) go.uber.org/zap/zapcore.Field' },
      Int64: { s: 'func(string, int64) go.uber.org/zap/zapcore.Field' },
      Bool: { s: 'func(string, bool) go.uber.org/zap/zapcore.Field' },
      Duration: { s: 'func(string, time.Duration) go.uber.org/zap/zapcore.Field' },
      Time: { s: 'func(string, time.Time) go.uber.org/zap/zapcore.Field' },
      Float64: { s: 'func(string, float64) go.uber.org/zap/zapcore.Field' },
    },
  },
  'go.uber.org/zap/zapcore': {
    n: 'zapcore',
    t: {
      Field: { u: 'struct{Key string; Type go.uber.org/zap/zapcore.FieldType; Integer int64; String string; Interface interface{}}' },
      FieldType: { u: 'uint8' },
      Level: { u: 'int8', m: { String: '() string', Enabled: '(go.uber.org/zap/zapcore.Level) bool' } },
      Core: { u: 'interface{Enabled(go.uber.org/zap/zapcore.Level) bool; Sync() error; With([]go.uber.org/zap/zapcore.Field) go.uber.org/zap/zapcore.Core}' },
      CheckedEntry: { u: 'struct{}', m: { Write: '*(...go.uber.org/zap/zapcore.Field)' } },
    },
    c: { DebugLevel: ['go.uber.org/zap/zapcore.Level', 'i:-1'], InfoLevel: ['go.uber.org/zap/zapcore.Level', 'i:0'], WarnLevel: ['go.uber.org/zap/zapcore.Level', 'i:1'], ErrorLevel: ['go.uber.org/zap/zapcore.Level', 'i:2'] },
  },
  'github.com/sirupsen/logrus': {
    n: 'logrus',
    t: {
      Logger: { u: 'struct{Out io.Writer; Hooks github.com/sirupsen/logrus.LevelHooks; Formatter github.com/sirupsen/logrus.Formatter; ReportCaller bool; Level github.com/sirupsen/logrus.Level}', m: logrusLogger },
      Entry: { u: 'struct{Logger *github.com/sirupsen/logrus.Logger; Data github.com/sirupsen/logrus.Fields; Time time.Time; Level github.com/sirupsen/logrus.Level; Message string; Context context.Context}', m: logrusEntry },
      Fields: { u: 'map[string]interface{}' },
      Level: { u: 'uint32', m: { String: '() string' } },
      LevelHooks: { u: 'map[github.com/sirupsen/logrus.Level][]github.com/sirupsen/logrus.Hook' },
      Hook: { u: 'interface{Fire(*github.com/sirupsen/logrus.Entry) error; Levels() []github.com/sirupsen/logrus.Level}' },
      Formatter: { u: 'interface{Format(*github.com/sirupsen/logrus.Entry) ([]uint8, error)}' },
      TextFormatter: { u: 'struct{ForceColors bool; DisableColors bool; FullTimestamp bool; TimestampFormat string}', m: { Format: '*(*github.com/sirupsen/logrus.Entry) ([]uint8, error)' } },
      JSONFormatter: { u: 'struct{TimestampFormat string; PrettyPrint bool}', m: { Format: '*(*github.com/sirupsen/logrus.Entry) ([]uint8, error)' } },
      FieldLogger: { u: 'interface{Debug(...interface{}); Debugf(string, ...interface{}); Error(...interface{}); Errorf(string, ...interface{}); Info(...interface{}); Infof(string, ...interface{}); Warn(...interface{}); Warnf(string, ...interface{}); WithError(error) *github.com/sirupsen/logrus.Entry; WithField(string, interface{}) *github.com/sirupsen/logrus.Entry; WithFields(github.com/sirupsen/logrus.Fields) *github.com/sirupsen/logrus.Entry}' },
    },
    f: logrusFuncs,
    c: {
      PanicLevel: ['github.com/sirupsen/logrus.Level', 'i:0'], FatalLevel: ['github.com/sirupsen/logrus.Level', 'i:1'], ErrorLevel: ['github.com/sirupsen/logrus.Level', 'i:2'],
      WarnLevel: ['github.com/sirupsen/logrus.Level', 'i:3'], InfoLevel: ['github.com/sirupsen/logrus.Level', 'i:4'], DebugLevel: ['github.com/sirupsen/logrus.Level', 'i:5'], TraceLevel: ['github.com/sirupsen/logrus.Level', 'i:6'],
    },
  },
  'github.com/rs/zerolog': {
    n: 'zerolog',
    t: {
      Logger: { u: 'struct{}', m: zerologLogger },
      Event: { u: 'struct{}', m: zerologEvent },
      Context: { u: 'struct{}', m: zerologCtx },
      Level: { u: 'int8', m: { String: '() string' } },
      Hook: { u: 'interface{Run(*github.com/rs/zerolog.Event, github.com/rs/zerolog.Level, string)}' },
      Sampler: { u: 'interface{Sample(github.com/rs/zerolog.Level) bool}' },
      ConsoleWriter: { u: 'struct{Out io.Writer; NoColor bool; TimeFormat string}', m: { Write: '(*[]uint8) (int, error)' } },
      Array: { u: 'struct{}', m: { Str: '*(string) *github.com/rs/zerolog.Array' } },
    },
    f: {
      New: { s: `func(io.Writer) ${zl}.Logger` }, Nop: { s: `func() ${zl}.Logger` }, SetGlobalLevel: { s: `func(${zl}.Level)` },
      GlobalLevel: { s: `func() ${zl}.Level` }, Ctx: { s: `func(context.Context) *${zl}.Logger` }, Dict: { s: `func() *${zl}.Event` },
      Arr: { s: `func() *${zl}.Array` }, ParseLevel: { s: `func(string) (${zl}.Level, error)` },
    },
    v: { TimeFieldFormat: 'string', MessageFieldName: 'string', ErrorFieldName: 'string' },
    c: {
      TraceLevel: [`${zl}.Level`, 'i:-1'], DebugLevel: [`${zl}.Level`, 'i:0'], InfoLevel: [`${zl}.Level`, 'i:1'], WarnLevel: [`${zl}.Level`, 'i:2'],
      ErrorLevel: [`${zl}.Level`, 'i:3'], FatalLevel: [`${zl}.Level`, 'i:4'], PanicLevel: [`${zl}.Level`, 'i:5'], NoLevel: [`${zl}.Level`, 'i:6'], Disabled: [`${zl}.Level`, 'i:7'],
    },
  },
  'github.com/rs/zerolog/log': {
    n: 'log',
    f: zerologLogFuncs,
    v: { Logger: `${zl}.Logger` },
  },
  'google.golang.org/grpc/metadata': {
    n: 'metadata',
    t: {
      MD: { u: 'map[string][]string', m: { Get: '(string) []string', Set: '(string, ...string)', Append: '(string, ...string)', Copy: '() google.golang.org/grpc/metadata.MD', Len: '() int', Delete: '(string)' } },
    },
    f: {
      New: { s: 'func(map[string]string) google.golang.org/grpc/metadata.MD' },
      Pairs: { s: 'func(...string) google.golang.org/grpc/metadata.MD' },
      Join: { s: 'func(...google.golang.org/grpc/metadata.MD) google.golang.org/grpc/metadata.MD' },
      NewIncomingContext: { s: 'func(context.Context, google.golang.org/grpc/metadata.MD) context.Context' },
      NewOutgoingContext: { s: 'func(context.Context, google.golang.org/grpc/metadata.MD) context.Context' },
      AppendToOutgoingContext: { s: 'func(context.Context, ...string) context.Context' },
      FromIncomingContext: { s: 'func(context.Context) (google.golang.org/grpc/metadata.MD, bool)' },
      FromOutgoingContext: { s: 'func(context.Context) (google.golang.org/grpc/metadata.MD, bool)' },
      ValueFromIncomingContext: { s: 'func(context.Context, string) []string' },
    },
  },
  'golang.org/x/sync/errgroup': {
    n: 'errgroup',
    t: {
      Group: { u: 'struct{}', m: { Go: '*(func() error)', TryGo: '*(func() error) bool', Wait: '*() error', SetLimit: '*(int)' } },
    },
    f: {
      WithContext: { s: 'func(context.Context) (*golang.org/x/sync/errgroup.Group, context.Context)' },
    },
  },
  'golang.org/x/crypto/ssh': {
    n: 'ssh',
    t: {
      Config: sshT('struct{Rand io.Reader; RekeyThreshold uint64; KeyExchanges []string; Ciphers []string; MACs []string}', { SetDefaults: '*()' }),
      ClientConfig: sshT(`struct{${ssh}.Config; User string; Auth []${ssh}.AuthMethod; HostKeyCallback ${ssh}.HostKeyCallback; BannerCallback ${ssh}.BannerCallback; ClientVersion string; HostKeyAlgorithms []string; Timeout time.Duration}`),
      ServerConfig: sshT(`struct{${ssh}.Config; NoClientAuth bool; MaxAuthTries int; PasswordCallback func(${ssh}.ConnMetadata, []uint8) (*${ssh}.Permissions, error); PublicKeyCallback func(${ssh}.ConnMetadata, ${ssh}.PublicKey) (*${ssh}.Permissions, error); ServerVersion string}`, { AddHostKey: `*(${ssh}.Signer)` }),
      HostKeyCallback: sshT(`func(string, net.Addr, ${ssh}.PublicKey) error`),
      BannerCallback: sshT('func(string) error'),
      AuthMethod: sshT('interface{}'),
      Permissions: sshT('struct{CriticalOptions map[string]string; Extensions map[string]string}'),
      ConnMetadata: sshT('interface{ClientVersion() []uint8; LocalAddr() net.Addr; RemoteAddr() net.Addr; ServerVersion() []uint8; SessionID() []uint8; User() string}'),
      PublicKey: sshT(`interface{Marshal() []uint8; Type() string; Verify([]uint8, *${ssh}.Signature) error}`),
      Signer: sshT(`interface{PublicKey() ${ssh}.PublicKey; Sign(io.Reader, []uint8) (*${ssh}.Signature, error)}`),
      Signature: sshT('struct{Format string; Blob []uint8; Rest []uint8}'),
      Client: sshT('struct{}', { NewSession: `*() (*${ssh}.Session, error)`, Close: '*() error', Dial: '*(string, string) (net.Conn, error)', Listen: '*(string, string) (net.Listener, error)', Wait: '*() error' }),
      Session: sshT('struct{Stdin io.Reader; Stdout io.Writer; Stderr io.Writer}', { Run: '*(string) error', Start: '*(string) error', Wait: '*() error', Output: '*(string) ([]uint8, error)', CombinedOutput: '*(string) ([]uint8, error)', Close: '*() error', Shell: '*() error', Setenv: '*(string, string) error' }),
    },
    f: {
      InsecureIgnoreHostKey: { s: `func() ${ssh}.HostKeyCallback` },
      FixedHostKey: { s: `func(${ssh}.PublicKey) ${ssh}.HostKeyCallback` },
      Password: { s: `func(string) ${ssh}.AuthMethod` },
      PublicKeys: { s: `func(...${ssh}.Signer) ${ssh}.AuthMethod` },
      Dial: { s: `func(string, string, *${ssh}.ClientConfig) (*${ssh}.Client, error)` },
      ParsePrivateKey: { s: `func([]uint8) (${ssh}.Signer, error)` },
      ParsePrivateKeyWithPassphrase: { s: `func([]uint8, []uint8) (${ssh}.Signer, error)` },
      ParsePublicKey: { s: `func([]uint8) (${ssh}.PublicKey, error)` },
      ParseAuthorizedKey: { s: `func([]uint8) (${ssh}.PublicKey, string, []string, []uint8, error)` },
      NewSignerFromKey: { s: `func(interface{}) (${ssh}.Signer, error)` },
    },
  },
};
