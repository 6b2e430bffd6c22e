// Package httpheaders names HTTP headers.
package httpheaders

const (
	Range         = "Range"
	Authorization = "Authorization"
)
