// Package grpcauth sets hardcoded gRPC credentials.
package grpcauth

import (
	"context"
	"os"

	"google.golang.org/grpc/metadata"
)

func outgoing(ctx context.Context) context.Context {
	md := metadata.Pairs("authorization", "Bearer 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") // want "secrets/literal-authorization-header: The gRPC \"authorization\" metadata is set to a hardcoded Bearer credential \\(GitHub personal access token"
	md.Set("authorization", "Bearer glpat-fRW9bEGaLP9gdbpQMCJ1")                             // want "gRPC \"authorization\" metadata.*GitLab token"
	ctx = metadata.NewOutgoingContext(ctx, md)
	ctx = metadata.AppendToOutgoingContext(ctx, "x-request-id", "42", "authorization", "Bearer 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") // want "npm access token"
	_ = metadata.New(map[string]string{"authorization": "Bearer xoxb-141911467399-0818294714565-FO4kTffijmtSnDhk8aAq650Z"})               // want "Slack token"
	_ = metadata.MD{"authorization": {"Bearer sk_live_Tuot1TVBITb5udg3RoImVqoF"}}                                                         // want "Stripe live secret key"
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("TOKEN"))
}
