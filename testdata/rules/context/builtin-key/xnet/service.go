// Older code imports golang.org/x/net/context, whose WithValue is the standard one.
package xnet

import "golang.org/x/net/context"

type questionKey struct{}

func withQuestion(ctx context.Context, id string) context.Context {
	ctx = context.WithValue(ctx, questionKey{}, id)
	return context.WithValue(ctx, "question_id", id) // want "context/builtin-key: context.WithValue uses a key of the built-in type string"
}
