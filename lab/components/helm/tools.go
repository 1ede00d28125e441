//go:build tools

// Package tools names the helm CLI of this release; build.sh compiles it.
package tools

import _ "helm.sh/helm/v4/cmd/helm"
