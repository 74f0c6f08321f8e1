#!/usr/bin/env bash
# Deploys template.yaml onto LocalStack, for those with Docker. NOT RUN on the development machines
# (no Docker daemon, no PyPI there): see README.md beside this script for what it needs and what
# LocalStack emulates. The local cloud (`./dev up`) is the tested way to run the stack locally.
#   infra/localstack/deploy.sh            (LocalStack must be running: `localstack start -d`)
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in samlocal awslocal mvn; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (see infra/localstack/README.md)" >&2; exit 1; }
done
stack=whatmatters-localstack
region=eu-west-2
mvn -B -ntp -q package -DskipTests
samlocal build
samlocal deploy --stack-name "$stack" --region "$region" --resolve-s3 --no-confirm-changeset \
  --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND \
  --parameter-overrides Stage=local ProviderName=LocalStack \
    JwtIssuer="http://localhost.localstack.cloud:4566/local-issuer" JwtAudience=whatmatters-local \
    CognitoDomain=localhost.localstack.cloud WebClientId=whatmatters-local
awslocal cloudformation describe-stacks --stack-name "$stack" --region "$region" \
  --query 'Stacks[0].Outputs' --output table
