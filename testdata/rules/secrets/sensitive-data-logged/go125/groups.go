// Package go125 logs from goroutines started with sync.WaitGroup.Go (Go 1.25).
package go125

import (
	"log"
	"sync"
)

const deployToken = "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" // want "secrets/hardcoded-credential: .*and a goroutine prints it to a log"

func notify(targets []string) {
	var wg sync.WaitGroup
	for _, t := range targets {
		wg.Go(func() {
			log.Printf("notify %s with %s", t, deployToken) // want "secrets/sensitive-data-logged: log.Printf logs the hardcoded GitHub personal access token .* from a goroutine"
		})
	}
	wg.Wait()
}
