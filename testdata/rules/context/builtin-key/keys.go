package keys

import "context"

type ctxKey struct{}

type keyType string

const userIDKey keyType = "user-id"

const requestIDKey = "request-id"

type User struct {
	Name     string
	Password string
}

func builtin(ctx context.Context, id string, n int, u User, authToken string) {
	_ = context.WithValue(ctx, "user", u.Name)   // want "context/builtin-key: context.WithValue uses a key of the built-in type string"
	_ = context.WithValue(ctx, requestIDKey, id) // want "built-in type string"
	_ = context.WithValue(ctx, 42, n)            // want "built-in type int"
	var k int64 = 7
	_ = context.WithValue(ctx, k, n)    // want "built-in type int64"
	_ = context.WithValue(ctx, true, n) // want "built-in type bool"
}

// A credential under a built-in key: critical.
func credentials(ctx context.Context, u User, authToken, v string) {
	_ = context.WithValue(ctx, "auth", authToken)                            // want "context.WithValue stores an auth token under a key of the built-in type string"
	_ = context.WithValue(ctx, "password", u.Password)                       // want "stores a password under a key"
	_ = context.WithValue(ctx, "access_token", v)                            // want "stores an access token under a key"
	_ = context.WithValue(ctx, "stripe", "sk_live_Tuot1TVBITb5udg3RoImVqoF") // want "stores a hardcoded Stripe live secret key under a key" "secrets/hardcoded-credential: Hardcoded Stripe live secret key"
}

// Keys of their own types.
func ownTypes(ctx context.Context, u User) {
	_ = context.WithValue(ctx, ctxKey{}, u)
	_ = context.WithValue(ctx, userIDKey, u.Name)
	_ = context.WithValue(ctx, keyType("session"), u)
	var anyKey any = ctxKey{}
	_ = context.WithValue(ctx, anyKey, u)
}
