#!/usr/bin/env bash
# Installs everything flannel-doctor's tests and lab need on a Debian machine: Debian packages
# (real networking, CNI plugins, containerd, a registry, DNS), then npm packages, then the build.
# Idempotent: packages already present are not fetched again.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBS=(iproute2 iptables containernetworking-plugins containerd docker-registry skopeo dnsmasq-base
      ripgrep wrk prometheus-node-exporter ethtool tcpdump chromium apache2-utils openssl kmod procps iputils-ping fping
      tshark prometheus curl time socat busybox-static umoci runc iperf3 python3
      systemd dash)  # journalctl and dash go into the agent image (scripts/image)

missing=()
for p in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing Debian packages (${missing[*]}); run as root or install them" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
npm run build --silent

# The lab's real components (kube-apiserver … kubelet, etcd, flanneld, the flannel CNI plugin, CoreDNS),
# built from their releases once per version into ~/.cache/flannel-doctor/components (a second run builds nothing).
bash lab/components/build.sh
