#!/usr/bin/env bash
# Issue 24, JDBC N+1 on a real project: GamerX29b/AProject (fetch github:GamerX29b/AProject first).
# Usage: bench/loops-real/run-aproject.sh /path/to/optkit-launcher WORKDIR
# Clones the published project twice (never committed here), migrates one copy with --apply, runs the
# project's own tests on both (mvn -B test; dependencies from ~/.m2 or Maven Central), then runs
# AProjectProbe: the published and the migrated JdbcTemplateProductDaoImpl over the same H2 data
# (PostgreSQL mode, the project's schema), every answer compared and the template's calls counted.
set -eu
OPTKIT=$(readlink -f "${1:?optkit launcher}"); WORK=${2:?work dir}; HERE=$(cd "$(dirname "$0")" && pwd)
MIRROR=/work/.mirror/GamerX29b+AProject/repo
mkdir -p "$WORK"; cd "$WORK"
rm -rf before after probe; git clone -q "$MIRROR" before; git clone -q "$MIRROR" after
(cd after && "$OPTKIT" migrate . --apply | grep '^loop:' || true)
(cd before && mvn -q -B test) && echo "published: own tests pass"
(cd after && mvn -q -B test) && echo "migrated: own tests pass"
M=$HOME/.m2/repository/org/springframework
CP=$M/spring-jdbc/5.3.2/spring-jdbc-5.3.2.jar:$M/spring-core/5.3.2/spring-core-5.3.2.jar:$M/spring-beans/5.3.2/spring-beans-5.3.2.jar
CP=$CP:$M/spring-tx/5.3.2/spring-tx-5.3.2.jar:$M/spring-jcl/5.3.2/spring-jcl-5.3.2.jar:$HOME/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar
mkdir -p probe && javac -cp "$CP" -d probe "$HERE/AProjectProbe.java"
java -cp "probe:$CP" AProjectProbe before/target/classes after/target/classes
