#!/usr/bin/env bash
# Portkey AI gateway (@portkey-ai/gateway, open-source Node build) as a comparison target for the
# benchmark. Meant to be sourced: portkey_install DIR installs the pinned version into DIR;
# portkey_start DIR PORT runs it in the background on 127.0.0.1:PORT, sets PORTKEY_PID and waits
# (at most 30 s) until it accepts connections. Requests pick the upstream by header (see portkey.lua).
# The gateway itself calls listen(port) on all interfaces; a small --import preload pins it to loopback.
# --headless drops the web UI; it needs no network at start. Output goes to DIR/portkey.log.
PORTKEY_VERSION=1.15.2

portkey_install() {
  local dir=$1
  [ -f "$dir/node_modules/@portkey-ai/gateway/build/start-server.js" ] &&
    grep -q "\"version\": \"$PORTKEY_VERSION\"" "$dir/node_modules/@portkey-ai/gateway/package.json" && return 0
  mkdir -p "$dir" && npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "@portkey-ai/gateway@$PORTKEY_VERSION" >/dev/null
}

portkey_start() {
  local dir=$1 port=$2 i
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { echo "port $port is already in use" >&2; return 1; }
  # preload: a listen(port) without a host binds to 127.0.0.1 instead of all interfaces
  cat >"$dir/loopback.mjs" <<'JS'
import net from 'node:net';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (port, host, ...rest) {
  if (typeof port === 'number' && host == null) return listen.call(this, port, '127.0.0.1', ...rest);
  return listen.call(this, port, host, ...rest);
};
JS
  node --import "$(cd "$dir" && pwd)/loopback.mjs" "$dir/node_modules/@portkey-ai/gateway/build/start-server.js" \
    --port="$port" --headless >"$dir/portkey.log" 2>&1 &
  PORTKEY_PID=$!
  for ((i = 0; i < 300; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$PORTKEY_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "portkey did not start on port $port (see $dir/portkey.log)" >&2
  return 1
}
