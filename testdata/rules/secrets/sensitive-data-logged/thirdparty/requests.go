package thirdparty

import (
	"log"
	"net/http"

	"example.com/httpheaders"
)

// Header names from a package Redline does not read are judged by their names.
func fetchWithHeaders(url, token string) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return
	}
	req.Header.Set(httpheaders.Range, "bytes=0-15")
	log.Printf("GET %s with %v", url, req.Header)

	authed, _ := http.NewRequest(http.MethodGet, url, nil)
	authed.Header.Set(httpheaders.Authorization, "Bearer "+token)
	log.Printf("GET %s with %v", url, authed.Header) // want "log.Printf logs `authed.Header`, all the HTTP headers"
}
