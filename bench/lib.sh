# Shared by bench/run, bench/soak and bench/peer: sourced, not run. Expects to be in the repository root.

say() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }
now_ms() { date +%s%3N; }

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || { echo "$port"; return; }
  done
}

# The app jar (rebuilt when a source is newer), the dependencies' classpath and the load
# driver's classes; sets JAR and CP.
build_bench() {
  JAR=$(ls target/chainlens-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [[ -z "$JAR" || ! -f target/app/chainlens.jar || -n "$(find src pom.xml cypher graph-seed -newer "$JAR" -type f -not -path 'src/bench/*' -not -path 'src/test/*' | head -1)" ]]; then
    say "building the jar"
    ./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true
    JAR=$(ls target/chainlens-*.jar | grep -v plain | head -1)
  fi
  if [[ ! -s target/bench-classpath.txt || pom.xml -nt target/bench-classpath.txt ]]; then
    ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
  fi
  CP="target/classes:$(cat target/bench-classpath.txt)"
  rm -rf target/bench-classes && mkdir -p target/bench-classes
  javac -nowarn -d target/bench-classes -cp "$CP" src/bench/java/io/chainlens/bench/*.java
  CP="target/bench-classes:$CP"
}

# The national graph of a size, generated with a seed into a folder (skipped when the folder
# holds that size and seed already).
generate_graph() {
  local size=$1 seed=$2 dir=$3 log=$4
  if [[ -f "$dir/.generated" && "$(cat "$dir/.generated")" == "$size $seed" ]]; then
    say "reusing the generated $size graph (seed $seed) in $dir"
    return
  fi
  say "generating $size (seed $seed)"
  rm -rf "$dir"
  java -cp "$JAR" -Dloader.main=io.chainlens.generate.GenerateNationalGraph \
    org.springframework.boot.loader.launch.PropertiesLauncher \
    --chainlens.generate.size="$size" --chainlens.generate.seed="$seed" --chainlens.generate.dir="$dir" \
    | tee "$log" >&2
  echo "$size $seed" >"$dir/.generated"
}
