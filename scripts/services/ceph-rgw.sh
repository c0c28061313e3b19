#!/usr/bin/env bash
# Ceph RADOS Gateway, the real S3 of the tests: a throwaway single-node
# cluster (1 monitor + 1 in-memory OSD + the gateway), all on 127.0.0.1.
#   S3 endpoint: http://127.0.0.1:28180 (path-style), region us-east-1
#   access key testkey, secret key testsecret (test-only credentials)
#   internal ports: monitor 28100, OSD 28110-28179
# State under $DM_SERVICES_DIR/ceph-rgw. Usage: ceph-rgw.sh start|stop
# Needs ceph-mon ceph-osd radosgw ceph-common (scripts/deps/apt-aws.txt).
set -euo pipefail
PORT=28180 MON_PORT=28100 OSD_MIN=28110 OSD_MAX=28179
D=${DM_SERVICES_DIR:?}/ceph-rgw
BASE=$D/cluster
export CEPH_CONF=$BASE/ceph.conf

answers() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; }
alive() { local st; st=$(awk '/^State:/{print $2}' /proc/"$1"/status 2>/dev/null); [ -n "$st" ] && [ "$st" != Z ]; }

stop() {
  # gateway first, then OSD, then monitor (an RGW whose OSD is gone hangs for 120 s);
  # radosgw writes no pid file of its own: start records it in $D/rgw.pid
  for d in rgw osd.0 mon.a; do
    f=$BASE/run/$d.pid; [ $d = rgw ] && f=$D/rgw.pid
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    alive "$pid" || continue
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$BASE" "$D/rgw.pid"
}

start() {
  if [ -f "$D/rgw.pid" ] && alive "$(cat "$D/rgw.pid")" && answers; then
    return 0
  fi
  stop
  if answers; then echo "ceph-rgw: port $PORT is taken by another process" >&2; return 1; fi
  command -v radosgw >/dev/null || { echo "ceph-rgw: radosgw is not installed (scripts/install-deps)" >&2; return 1; }
  mkdir -p "$BASE"/{mon,osd/0,rgw,run,log,crash}
  local fsid; fsid=$(uuidgen)
  cat > "$CEPH_CONF" <<CONF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$MON_PORT]
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
ms bind port min = $OSD_MIN
ms bind port max = $OSD_MAX
auth cluster required = none
auth service required = none
auth client required = none
ms mon client mode = crc secure
keyring = $BASE/keyring
run dir = $BASE/run
admin socket = $BASE/run/\$name.asok
pid file = $BASE/run/\$name.pid
log file = $BASE/log/\$name.log
crash dir = $BASE/crash
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 1
[mon]
mon data = $BASE/mon/\$id
mon cluster log file = $BASE/log/cluster.log
paxos propose interval = 0.1
[osd]
osd data = $BASE/osd/\$id
osd objectstore = memstore
memstore device bytes = 1073741824
osd memory target = 939524096
[client.rgw.test]
rgw data = $BASE/rgw
rgw frontends = beast endpoint=127.0.0.1:$PORT
CONF
  {
    ceph-authtool --create-keyring "$BASE/keyring" --gen-key -n mon. --cap mon 'allow *'
    ceph-authtool "$BASE/keyring" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *'
    monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$MON_PORT]" "$BASE/monmap"
    ceph-mon --mkfs -i a --monmap "$BASE/monmap" --keyring "$BASE/keyring"
    ceph-mon -i a
    timeout 30 bash -c "until ceph mon stat >/dev/null 2>&1; do sleep 0.2; done"
    local uuid id; uuid=$(uuidgen)
    id=$(ceph osd new "$uuid")
    ceph-osd -i "$id" --mkfs --osd-uuid "$uuid"
    ceph-osd -i "$id"
    timeout 60 bash -c "until ceph osd stat 2>/dev/null | grep -q '1 up.*1 in'; do sleep 0.5; done"
    radosgw-admin user create --uid test --display-name test --access-key testkey --secret testsecret
    radosgw-admin zonegroup get --rgw-zonegroup default |
      sed 's/"api_name": "default"/"api_name": "us-east-1"/' > "$BASE/zonegroup.json"
    radosgw-admin zonegroup set --rgw-zonegroup default --infile "$BASE/zonegroup.json"
    radosgw -n client.rgw.test --rgw-frontends "beast endpoint=127.0.0.1:$PORT"
  } > "$D/start.log" 2>&1 || { echo "ceph-rgw: start failed, see $D/start.log" >&2; return 1; }
  pgrep -n -f "^radosgw -n client.rgw.test --rgw-frontends beast endpoint=127.0.0.1:$PORT\$" > "$D/rgw.pid" || true
  for _ in $(seq 1 300); do answers && return 0; sleep 0.2; done
  echo "ceph-rgw: no answer on 127.0.0.1:$PORT, see $BASE/log" >&2
  return 1
}

mkdir -p "$D"
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
