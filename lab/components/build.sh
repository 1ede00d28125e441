#!/usr/bin/env bash
# Builds the lab's real components from their own releases, once per version.
#
# Each folder here is a tiny Go module whose go.mod pins one release (the single source of truth for
# versions). Binaries land in $FD_COMPONENTS (default ~/.cache/flannel-doctor/components) as
# <component>-<version>/, with a .complete stamp written last: a second run finds the stamps and builds
# nothing. `build.sh --list` prints component, version and directory without building.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${FD_COMPONENTS:-$HOME/.cache/flannel-doctor/components}"
export GOFLAGS="${GOFLAGS:--buildvcs=false} -trimpath" CGO_ENABLED=0

version_of() { (cd "$here/$1" && go list -m -f '{{.Version}}' "$2"); }
origin_of() { (cd "$here/$1" && go mod download -json "$2@$3" | sed -n 's/.*"Hash": "\(.*\)".*/\1/p' | head -1); }

# component folder module -> "name version dir" lines
components=(
  "kubernetes kubernetes k8s.io/kubernetes"
  "etcd etcd go.etcd.io/etcd/server/v3"
  "flannel flannel github.com/flannel-io/flannel"
  "flannel-cni flannel-cni github.com/containernetworking/plugins"
  "coredns coredns github.com/coredns/coredns"
  "helm helm helm.sh/helm/v4"
)

# What a build depends on besides the version: its recipe and pinned module graph. A changed recipe
# rebuilds; the same one finds the stamp and does nothing.
recipe_of() { { declare -f "build_$1"; cat "$here/$2/go.mod" "$here/$2/go.sum" "$here/$2/tools.go"; go version; } | sha256sum | cut -c1-16; }

# "name version dir built|missing" per component
list() {
  for c in "${components[@]}"; do
    set -- $c
    local v dir status=missing
    v=$(version_of "$2" "$3"); dir="$cache/$1-$v"
    if [ -f "$dir/.complete" ] && grep -q "recipe $(recipe_of "$1" "$2")" "$dir/.complete"; then status=built; fi
    echo "$1 $v $dir $status"
  done
}

step() { printf 'components: %s\n' "$*" >&2; }

build_kubernetes() { # $1 version, $2 out
  local v=$1 out=$2 minor commit ld=""
  minor=$(echo "$v" | cut -d. -f2)
  commit=$(origin_of kubernetes k8s.io/kubernetes "$v")
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $pkg.gitVersion=$v -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitCommit=$commit"
    ld+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  (cd "$here/kubernetes" && go build -ldflags "-s -w$ld" -o "$out/bin/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubelet \
    k8s.io/kubernetes/cmd/kube-proxy k8s.io/kubernetes/cmd/kubectl)
  # The pause container of the same release, from its C source (static, as the release builds it).
  local src
  src=$(cd "$here/kubernetes" && go list -m -f '{{.Dir}}' k8s.io/kubernetes)
  gcc -Os -Wall -Werror -static -DVERSION="v3.10.2-$v" -o "$out/bin/pause" "$src/build/pause/linux/pause.c"
  strip "$out/bin/pause"
}

build_etcd() {
  local v=$1 out=$2 commit
  commit=$(origin_of etcd go.etcd.io/etcd/server/v3 "$v")
  (cd "$here/etcd" && go build -ldflags "-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=${commit:0:9}" \
    -o "$out/bin/etcd" go.etcd.io/etcd/server/v3)
}

build_flannel() {
  local v=$1 out=$2
  # flanneld's udp backend is cgo (as upstream builds it); linked statically so the image needs no libc of its own
  (cd "$here/flannel" && CGO_ENABLED=1 go build -ldflags "-s -w -extldflags -static -X github.com/flannel-io/flannel/pkg/version.Version=$v" \
    -o "$out/bin/flanneld" github.com/flannel-io/flannel &&
    go build -ldflags "-s -w" -o "$out/bin/install-conf" github.com/flannel-io/flannel/cmd/install_conf)
}

build_flannel-cni() {
  local v=$1 out=$2
  (cd "$here/flannel-cni" && go build \
    -ldflags "-s -w -X github.com/containernetworking/plugins/pkg/utils/buildversion.BuildVersion=$v" \
    -o "$out/bin/flannel" github.com/containernetworking/plugins/plugins/meta/flannel)
}

build_coredns() {
  local v=$1 out=$2 commit
  commit=$(origin_of coredns github.com/coredns/coredns "$v")
  (cd "$here/coredns" && go build -ldflags "-s -w -X github.com/coredns/coredns/coremain.GitCommit=${commit:0:7}" \
    -o "$out/bin/coredns" github.com/coredns/coredns)
}

build_helm() {
  local v=$1 out=$2 commit p=helm.sh/helm/v4/internal/version
  commit=$(origin_of helm helm.sh/helm/v4 "$v")
  (cd "$here/helm" && go build -ldflags "-s -w -X $p.version=$v -X $p.gitCommit=$commit -X $p.gitTreeState=clean" \
    -o "$out/bin/helm" helm.sh/helm/v4/cmd/helm)
}

if [ "${1:-}" = "--list" ]; then list; exit 0; fi

only="${1:-}"
while read -r name v dir status; do
  [ -n "$only" ] && [ "$only" != "$name" ] && continue
  recipe=$(recipe_of "$name" "$name")
  if [ "$status" = built ]; then step "$name $v: cached in $dir"; continue; fi
  step "$name $v: building (minutes on 2 cores the first time)"
  start=$(date +%s)
  rm -rf "$dir.tmp"; mkdir -p "$dir.tmp/bin"
  "build_$name" "$v" "$dir.tmp"
  echo "recipe $recipe: $(go version) built $(date -u +%FT%TZ) in $(( $(date +%s) - start ))s" > "$dir.tmp/.complete"
  rm -rf "$dir"; mv "$dir.tmp" "$dir"
  step "$name $v: built in $(( $(date +%s) - start ))s"
done < <(list)
