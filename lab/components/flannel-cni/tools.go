//go:build tools

// Package tools names the flannel CNI plugin; build.sh compiles it.
package tools

import _ "github.com/containernetworking/plugins/plugins/meta/flannel"
