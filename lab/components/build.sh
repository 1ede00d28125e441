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
)

list() {
  for c in "${components[@]}"; do
    set -- $c
    v=$(version_of "$2" "$3")
    echo "$1 $v $cache/$1-$v"
  done
}
if [ "${1:-}" = "--list" ]; then list; exit 0; fi

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
  (cd "$here/flannel" && go build -ldflags "-s -w -X github.com/flannel-io/flannel/pkg/version.Version=$v" \
    -o "$out/bin/flanneld" github.com/flannel-io/flannel)
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

only="${1:-}"
while read -r name v dir; do
  [ -n "$only" ] && [ "$only" != "$name" ] && continue
  if [ -f "$dir/.complete" ]; then step "$name $v: cached in $dir"; continue; fi
  step "$name $v: building (minutes on 2 cores the first time)"
  start=$(date +%s)
  rm -rf "$dir.tmp"; mkdir -p "$dir.tmp/bin"
  "build_$name" "$v" "$dir.tmp"
  echo "$(go version) built $(date -u +%FT%TZ) in $(( $(date +%s) - start ))s" > "$dir.tmp/.complete"
  rm -rf "$dir"; mv "$dir.tmp" "$dir"
  step "$name $v: built in $(( $(date +%s) - start ))s"
done < <(list)
