# Helpers for the S3/DynamoDB integration tests (sourced after lib.sh).
# Endpoints are the fixed ports of scripts/services/{ceph-rgw,s3rver,dynalite}.sh.
RGW=http://127.0.0.1:28180
S3RVER=http://127.0.0.1:24568
DYNALITE=http://127.0.0.1:24567
# the system python: a version manager's shim costs seconds per call
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
AWSREQ="$PY $DM_TESTS/tools/awsreq.py"
# A short unique suffix for bucket and table names (tests run in parallel and twice).
UNIQ=$(printf '%x%04x' "$(date +%s)" "$$" | tail -c 10)$((RANDOM % 100))
# Tests must not pick up the developer's own AWS settings.
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_S3 AWS_ENDPOINT_URL_DYNAMODB AWS_DEFAULT_REGION
export AWS_CONFIG_FILE=$WORK/aws-config AWS_SHARED_CREDENTIALS_FILE=$WORK/aws-credentials AWS_REGION=us-east-1
require_server() {  # NAME URL
  if ! curl -s -o /dev/null --max-time 3 "$2/"; then
    echo "FAIL: $1 is not reachable at $2 (start it: scripts/test-services start)" >&2
    exit 1
  fi
}
s3() { AWS_ENDPOINT_URL_S3=$S3_EP $AWSREQ s3 "$@"; }
ddb() { AWS_ENDPOINT_URL_DYNAMODB=$DDB_EP $AWSREQ ddb "$@"; }
