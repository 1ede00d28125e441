//go:build tools

// Package tools names CoreDNS of this release; build.sh compiles it.
package tools

import _ "github.com/coredns/coredns"
