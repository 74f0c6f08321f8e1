#!/usr/bin/env bash
# Publishes the web pages (web/) to a deployed stack: writes config.json from the stack's outputs,
# uploads the pages to its WebBucket and invalidates its distribution. Run after `sam deploy`, with the
# AWS CLI and credentials for the stack's account:
#   infra/web/publish.sh STACK_NAME REGION
# Not run from the development machines (no AWS access there); its output is checked by
# PublishScriptTest against a stand-in `aws`.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -eq 2 ] || { echo "usage: infra/web/publish.sh STACK_NAME REGION" >&2; exit 2; }
stack="$1"; region="$2"

output() {
  local v
  v=$(aws cloudformation describe-stacks --stack-name "$stack" --region "$region" \
        --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text)
  [ -n "$v" ] && [ "$v" != "None" ] || { echo "stack $stack has no output $1" >&2; exit 1; }
  printf '%s' "$v"
}
json() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

api=$(output HttpApiUrl); ws=$(output LiveApiUrl); stage=$(output Stage); zone=$(output ProviderTimeZone)
bucket=$(output WebBucketName); distribution=$(output WebDistributionId)
domain=$(output CognitoDomain); client=$(output WebClientId)

config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat > "$config" <<JSON
{"apiUrl": $(json "$api"), "wsUrl": $(json "$ws"), "environment": $(json "$stage"), "timeZone": $(json "$zone"),
 "auth": {"authorizeUrl": $(json "https://$domain/oauth2/authorize"), "tokenUrl": $(json "https://$domain/oauth2/token"),
          "logoutUrl": $(json "https://$domain/logout"), "clientId": $(json "$client"), "scopes": "openid email profile"}}
JSON

# Pages for five minutes at the edge; config.json never (the distribution does not cache it either).
aws s3 sync web/ "s3://$bucket/" --region "$region" --delete --exclude "README.md" --exclude "config.json" \
  --cache-control "public, max-age=300"
aws s3 cp "$config" "s3://$bucket/config.json" --region "$region" --content-type application/json \
  --cache-control "no-store"
aws cloudfront create-invalidation --distribution-id "$distribution" --paths "/*" >/dev/null
echo "Published web/ to https://$(output WebUrl | sed 's#^https://##')/ (bucket $bucket)"
