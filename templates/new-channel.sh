#!/usr/bin/env bash
# Generates a publishing channel bundle (a webhook channel) from templates/channel/.
#   new-channel.sh <id> [--name 中文名] [--dir path]
# <id>: [a-z][a-z0-9-]{1,30}, the channel id (service property zhifa.channel), e.g. county-hook.
# --dir defaults to bundles/org.zhifa.channel.<id> in the zhifa checkout; an existing folder is never touched.
# Relative paths are taken from ZHIFA_CALLER_DIR (set by ./zhifa) or the current folder.
set -euo pipefail
# characters, not bytes, when the name is measured
export LC_ALL=C.UTF-8

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
TEMPLATE="$HERE/channel"
BASE=${ZHIFA_CALLER_DIR:-$PWD}

usage() {
  echo "usage: ./zhifa new-channel <id> [--name 中文名] [--dir path]" >&2
  echo "       <id> is [a-z][a-z0-9-]{1,30}, e.g. county-hook; --dir defaults to bundles/org.zhifa.channel.<id>" >&2
  exit 2
}
die() { echo "zhifa new-channel: $*" >&2; exit 1; }

id="" name="" dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --name) [ $# -ge 2 ] || usage; name=$2; shift 2 ;;
    --name=*) name=${1#--name=}; shift ;;
    --dir) [ $# -ge 2 ] || usage; dir=$2; shift 2 ;;
    --dir=*) dir=${1#--dir=}; shift ;;
    -h|--help) usage ;;
    -*) echo "zhifa new-channel: unknown option $1" >&2; usage ;;
    *) [ -z "$id" ] || { echo "zhifa new-channel: one id only (got '$id' and '$1')" >&2; usage; }; id=$1; shift ;;
  esac
done
[ -n "$id" ] || usage

# --- the id: a URL-safe channel id that also makes a Java package and class name
if ! [[ "$id" =~ ^[a-z][a-z0-9-]{1,30}$ ]]; then
  die "invalid id '$id': use 2–31 characters a-z, 0-9 and '-', starting with a letter (e.g. county-hook) / 渠道标识须为 2–31 位小写字母、数字或连字符，以字母开头"
fi
case "$id" in *-) die "invalid id '$id': it must not end with '-' / 渠道标识不能以连字符结尾" ;; esac
case "$id" in *--*) die "invalid id '$id': no '--' / 渠道标识不能含连续连字符" ;; esac
pkg=${id//-/_}
case "$pkg" in
  abstract|assert|boolean|break|byte|case|catch|char|class|const|continue|default|do|double|else|enum|extends|\
  final|finally|float|for|goto|if|implements|import|instanceof|int|interface|long|native|new|package|private|\
  protected|public|return|short|static|strictfp|super|switch|synchronized|this|throw|throws|transient|try|void|\
  volatile|while|true|false|null|var|record|yield)
    die "invalid id '$id': '$pkg' is a Java keyword and cannot be a package name / 渠道标识不能是 Java 关键字" ;;
esac
case "$id" in
  website|wechat|newspaper|city|ittest)
    die "id '$id' is taken by a channel zhifa ships / 该渠道标识已被 zhifa 自带渠道占用" ;;
esac
class=""
IFS='-' read -r -a parts <<< "$id"
for p in "${parts[@]}"; do class+=$(printf '%s' "${p:0:1}" | tr '[:lower:]' '[:upper:]')${p:1}; done

# --- the name: shown as the channel's title in 发布通道; it goes into properties and XML as it is
[ -n "$name" ] || name=$id
if [ "${#name}" -gt 40 ] || [[ "$name" =~ [[:cntrl:]] ]] || [[ "$name" == *[\<\>\&\"\'\\\|]* ]] || [[ "$name" == *--* ]] || [ -z "${name// /}" ]; then
  die "invalid --name: 1–40 characters, none of < > & \" ' \\ | -- or control characters / 名称须为 1–40 个字符，不含 < > & \" ' \\ | -- 或控制字符"
fi

# --- where
[ -n "$dir" ] || dir="$ROOT/bundles/org.zhifa.channel.$id"
case "$dir" in /*) ;; *) dir="$BASE/$dir" ;; esac
if [ -e "$dir" ]; then
  die "$dir already exists: nothing written (choose another --dir or remove it) / 目录已存在，未做任何改动"
fi
parent=$(dirname "$dir")
[ -d "$parent" ] || mkdir -p "$parent" || die "cannot create $parent"
[ -w "$parent" ] || die "cannot write to $parent"

version=$(sed -n '/<artifactId>zhifa-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' "$ROOT/pom.xml")
[ -n "$version" ] || die "cannot read zhifa's version from $ROOT/pom.xml"

# --- copy into a temporary sibling, then move into place: a failure leaves nothing half-written
tmp=$(mktemp -d "$parent/.new-channel.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -R "$TEMPLATE/." "$tmp/"
rm -rf "$tmp/target"
esc() { printf '%s' "$1" | sed -e 's/[\/&]/\\&/g'; }
while IFS= read -r -d '' f; do
  sed -i -e "s/__ID__/$(esc "$id")/g" -e "s/__PKG__/$pkg/g" -e "s/__CLASS__/$class/g" \
         -e "s/__NAME__/$(esc "$name")/g" -e "s/__ZHIFA_VERSION__/$(esc "$version")/g" "$f"
done < <(find "$tmp" -type f -print0)
# paths last, deepest first, so a renamed folder never hides a file still to rename
while IFS= read -r -d '' p; do
  b=$(basename "$p")
  nb=${b//__PKG__/$pkg}; nb=${nb//__CLASS__/$class}; nb=${nb//__ID__/$id}
  [ "$nb" = "$b" ] || mv "$p" "$(dirname "$p")/$nb"
done < <(find "$tmp" -depth -name '*__*' -print0)
if grep -rlE '__(ID|PKG|CLASS|NAME|ZHIFA_VERSION)__' "$tmp" >/dev/null; then
  die "placeholders left in the template (a bug): $(grep -rlE '__(ID|PKG|CLASS|NAME|ZHIFA_VERSION)__' "$tmp" | head -3)"
fi
mv "$tmp" "$dir"
trap - EXIT

cat <<MSG
zhifa new-channel: channel '$id' ($name) in $dir
  bundle  org.zhifa.channel.$id  (package org.zhifa.channel.$pkg.internal, component ${class}Channel)
  config  etc/org.zhifa.channel.$pkg.cfg  (PID org.zhifa.channel.$pkg)
  feature zhifa-channel-$id      (mvn:org.zhifa/org.zhifa.channel.$id/$version/xml/features)
Next (docs/writing-a-channel.md):
  cd $dir && mvn -o install
  bin/client -u admin -p admin 'feature:repo-add mvn:org.zhifa/org.zhifa.channel.$id/$version/xml/features'
  cp $dir/etc/org.zhifa.channel.$pkg.cfg <bureau>/etc/   # then set url and secret
  bin/client -u admin -p admin 'feature:install zhifa-channel-$id'
MSG
