//go:build tools

// Package tools names flanneld of this release; build.sh compiles it.
package tools

import (
	_ "github.com/flannel-io/flannel"
	_ "github.com/flannel-io/flannel/cmd/install_conf"
)
