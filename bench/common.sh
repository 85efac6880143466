# Sourced by bench/*.sh: builds the benchmarks jar when missing or older than the sources, and runs
# a copy of it (so a rebuild during a long run cannot change the classes under it).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bench_jar() {
  local jar="$ROOT/benchmarks/target/benchmarks.jar"
  if [ ! -f "$jar" ] || [ ! -d "$ROOT/james-conf/target/james-dist/lib" ] \
     || [ -n "$(find "$ROOT"/*/src/main "$ROOT"/pom.xml "$ROOT"/*/pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
    echo "bench: building (mvn package, tests skipped) ..." >&2
    (cd "$ROOT" && mvn -q -B package -DskipTests) >&2
  fi
  local copy
  copy="$(mktemp -d)/benchmarks.jar"
  cp "$jar" "$copy"
  echo "$copy"
}

bench_java() { # main class, args...
  local main="$1"; shift
  java -Xmx4g -Drampart.root="$ROOT" -cp "$(bench_jar)" "$main" "$@"
}
