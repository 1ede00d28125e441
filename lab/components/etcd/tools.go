//go:build tools

// Package tools names the etcd server program of this release; build.sh compiles it.
package tools

import _ "go.etcd.io/etcd/server/v3"
