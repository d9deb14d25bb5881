#!/usr/bin/env bash
# Times the home page (工作台) as one demo account: N loads in a row, one signed-in bearer token.
# usage: bench/home-dashboard.sh BASE_URL [USER] [N]   e.g. bench/home-dashboard.sh http://127.0.0.1:5391 city.officer 30
set -euo pipefail
base=$1; user=${2:-city.officer}; n=${3:-30}
token=$(curl -sf -X POST -H 'Content-Type: application/json' -d "{\"userName\":\"$user\",\"password\":\"Demo@2020\"}" "$base/api/v1/auth/token" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
for _ in $(seq "$n"); do
  curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$base/"
done | sort -n | awk -v u="$user" '{a[NR]=$1; s+=$1} END{printf "%s: n=%d min=%.3f median=%.3f mean=%.3f max=%.3f s\n", u, NR, a[1], a[int((NR+1)/2)], s/NR, a[NR]}'
