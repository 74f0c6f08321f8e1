#!/usr/bin/env bash
# Makes the Web Push VAPID key pair once and keeps it in SSM Parameter Store as a SecureString (and the
# public key alone as <name>-public):
#   bash infra/vapid-keys.sh <parameter-name> <region>     e.g. /whatmatters/prod/vapid eu-west-2
# Then deploy with VapidParameterName=<parameter-name>. Needs openssl and the AWS CLI. Never overwrites a key:
# browsers subscribed with the old public key would stop getting pushes.
set -euo pipefail
name="${1:?parameter name, e.g. /whatmatters/prod/vapid}"
region="${2:?region, e.g. eu-west-2}"
if aws ssm get-parameter --name "$name" --region "$region" >/dev/null 2>&1; then
  echo "$name already exists in $region; not replaced" >&2
  exit 1
fi
pem="$(openssl ecparam -name prime256v1 -genkey -noout)"
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
# The private scalar (32 bytes) and the uncompressed public point (65 bytes) from the key's DER.
private="$(printf '%s' "$pem" | openssl ec -outform DER 2>/dev/null | tail -c +8 | head -c 32 | b64url)"
public="$(printf '%s' "$pem" | openssl ec -pubout -outform DER 2>/dev/null | tail -c 65 | b64url)"
aws ssm put-parameter --name "$name" --region "$region" --type SecureString \
  --value "{\"publicKey\":\"$public\",\"privateKey\":\"$private\"}" >/dev/null
# The public key alone, for the settings API, which may not read the private one.
aws ssm put-parameter --name "$name-public" --region "$region" --type String --value "$public" >/dev/null
echo "VAPID keys stored in $name, the public key in $name-public ($region): $public"
