#!/usr/bin/env bash
# Runs the orders handlers from target/orders.jar alone against the standalone DynamoDB and Step
# Functions engines (built by `mvn -pl functions/orders -am package`). Usage: smoke/smoke-jar.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$here/target/orders.jar"
ddb_port=$((20000 + RANDOM % 10000)); sfn_port=$((ddb_port + 1))
java -jar "$root/infra/dynamodb-engine/target/dynamodb-engine.jar" --port "$ddb_port" >/dev/null 2>&1 &
ddb=$!
java -jar "$root/infra/stepfunctions/target/stepfunctions.jar" --port "$sfn_port" >/dev/null 2>&1 &
sfn=$!
trap 'kill $ddb $sfn 2>/dev/null || true' EXIT
for port in "$ddb_port" "$sfn_port"; do
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done
done
export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
export AWS_ENDPOINT_URL="http://127.0.0.1:$ddb_port" AWS_ENDPOINT_URL_SFN="http://127.0.0.1:$sfn_port"
export ORDERS_TABLE=orders IDEMPOTENCY_TABLE=idempotency
aws_json() { # target, payload, port
  curl -sf -X POST "http://127.0.0.1:$3/" -H "Content-Type: application/x-amz-json-1.0" \
    -H "X-Amz-Target: $1" -d "$2"
}
aws_json DynamoDB_20120810.CreateTable '{"TableName":"orders","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}' "$ddb_port" >/dev/null
aws_json DynamoDB_20120810.CreateTable '{"TableName":"idempotency","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}' "$ddb_port" >/dev/null
STATE_MACHINE_ARN="$(aws_json AWSStepFunctions.CreateStateMachine '{"name":"order-saga","roleArn":"arn:aws:iam::000000000000:role/local","definition":"{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}"}' "$sfn_port" | sed -E 's/.*"stateMachineArn":"([^"]+)".*/\1/')"
export STATE_MACHINE_ARN
java -cp "$jar" "$here/smoke/SmokeJar.java"
