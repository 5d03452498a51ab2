package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.backends.Deployment;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What migrate tells of the deployment: more than one instance (Kubernetes, Helm, compose), Redis at
 * hand (pom, Spring settings), and the warning on every local cache with a writer that follows.
 */
class DeploymentTest {
  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aSingleInstanceProjectTellsNothing() throws IOException {
    write("pom.xml", RedisBackendTest.BOOT_POM);
    write("src/main/resources/application.properties", "spring.datasource.url=jdbc:h2:mem:x\n");
    write("docker-compose.yml", """
        services:
          app:
            build: .
            deploy:
              replicas: 1
          db:
            image: postgres:16
        """);
    write("k8s/deployment.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          replicas: 1
        """);
    Deployment deployment = Deployment.detect(dir);
    assertEquals(List.of(), deployment.multiInstance());
    assertEquals(List.of(), deployment.redis());
    assertEquals(List.of(), deployment.describe());
  }

  @Test
  void kubernetesHelmAndComposeReplicasAreFound() throws IOException {
    write("pom.xml", RedisBackendTest.BOOT_POM);
    write("deploy/k8s.yaml", """
        apiVersion: v1
        kind: Service
        metadata:
          name: app
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          replicas: 3
        """);
    write("deploy/hpa.yml", """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: app
        spec:
          minReplicas: 1
          maxReplicas: 4
        """);
    write("charts/app/values.yaml", """
        image:
          repository: shop/app
        replicaCount: 2
        """);
    write("charts/app/templates/deployment.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          replicas: {{ .Values.replicaCount }}
        """);
    write("compose.yaml", """
        services:
          api:
            build: ./api
            deploy:
              replicas: 2
          worker:
            build:
              context: ./worker
          worker-2:
            build:
              context: worker
          old:
            image: shop/old
            scale: 3
        """);
    Deployment deployment = Deployment.detect(dir);
    assertEquals(List.of(
        "deploy/k8s.yaml: Deployment app has replicas: 3",
        "deploy/hpa.yml: HorizontalPodAutoscaler app scales up to maxReplicas: 4",
        "charts/app/values.yaml sets replicaCount: 2",
        "compose.yaml: service api has deploy.replicas: 2",
        "compose.yaml: service old has scale: 3",
        "compose.yaml: services worker and worker-2 are built from one folder (worker)").stream().sorted().toList(),
        deployment.multiInstance().stream().sorted().toList());
    assertTrue(deployment.describe().get(0).startsWith("looks multi-instance because "),
        deployment.describe().toString());
  }

  /**
   * piggymetrics' docker-compose.dev.yml builds auth-mongodb, account-mongodb, statistics-mongodb and
   * notification-mongodb from one folder holding a Dockerfile {@code FROM mongo} and scripts: each service's own
   * database, not one application on four instances. Two services built from a folder holding the application's pom
   * still are.
   */
  @Test
  void databaseContainersBuiltFromOneFolderAreNoInstancesOfTheApplication() throws IOException {
    write("pom.xml", RedisBackendTest.BOOT_POM);
    write("mongodb/Dockerfile", "FROM mongo:3\nADD init.sh /init.sh\nENTRYPOINT [\"/init.sh\"]\n");
    write("mongodb/init.sh", "#!/bin/bash\nmongod --fork && mongo /dump/account-service-dump.js\n");
    write("mongodb/dump/account-service-dump.js", "db.accounts.insert({ name: 'demo' });\n");
    write("account-service/pom.xml", RedisBackendTest.BOOT_POM);
    write("account-service/src/main/java/bank/Account.java", "package bank;\npublic class Account {}\n");
    String services = """
        services:
          auth-mongodb:
            build: mongodb
          account-mongodb:
            build: mongodb
          statistics-mongodb:
            build: mongodb
          notification-mongodb:
            build: mongodb
          account-service:
            build: account-service
        """;
    write("docker-compose.dev.yml", services);
    assertEquals(List.of(), Deployment.detect(dir).multiInstance());

    write("docker-compose.dev.yml", services + """
          account-service-2:
            build: ./account-service
        """);
    assertEquals(List.of("docker-compose.dev.yml: services account-service and account-service-2 are built from one "
        + "folder (account-service)"), Deployment.detect(dir).multiInstance());
  }

  /**
   * Probe 42: eladmin's application-quartz.yml runs Quartz clustered, a service may lock its scheduled tasks with
   * ShedLock: both are built for several instances. Quartz not clustered, and ShedLock's name in a comment, tell nothing.
   */
  @Test
  void clusteredQuartzAndShedLockAreMultiInstance() throws IOException {
    write("pom.xml", RedisBackendTest.BOOT_POM);
    write("src/main/resources/application.yml", "spring:\n  quartz:\n    properties:\n      org:\n        quartz:\n"
        + "          jobStore:\n            isClustered: false\n# shedlock-spring\n");
    assertFalse(Deployment.detect(dir).looksMultiInstance(), Deployment.detect(dir).describe().toString());

    write("src/main/resources/config/application-quartz.yml", "spring:\n  quartz:\n    job-store-type: jdbc\n"
        + "    properties:\n      org:\n        quartz:\n          jobStore:\n            isClustered: true\n");
    Deployment clustered = Deployment.detect(dir);
    assertTrue(clustered.multiInstance().stream().anyMatch(m -> m.equals("src/main/resources/config/application-quartz.yml "
        + "runs Quartz clustered (org.quartz.jobStore.isClustered: true)")), clustered.multiInstance().toString());

    java.nio.file.Files.delete(dir.resolve("src/main/resources/config/application-quartz.yml"));
    write("src/main/resources/quartz.properties", "org.quartz.jobStore.isClustered = true\n");
    assertTrue(Deployment.detect(dir).looksMultiInstance(), "quartz.properties");
    java.nio.file.Files.delete(dir.resolve("src/main/resources/quartz.properties"));

    write("pom.xml", RedisBackendTest.BOOT_POM.replace("</dependencies>", "<dependency><groupId>net.javacrumbs.shedlock"
        + "</groupId><artifactId>shedlock-spring</artifactId><version>5.10.0</version></dependency></dependencies>"));
    assertTrue(Deployment.detect(dir).multiInstance().stream().anyMatch(m -> m.contains("shedlock-spring")),
        Deployment.detect(dir).multiInstance().toString());
  }

  @Test
  void redisInThePomOrTheSpringSettingsIsFound() throws IOException {
    write("pom.xml", RedisBackendTest.BOOT_POM.replace("<artifactId>spring-boot-starter</artifactId>",
        "<artifactId>spring-boot-starter-data-redis</artifactId>"));
    write("client/pom.xml", """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <groupId>shop</groupId>
          <artifactId>client</artifactId>
          <version>1</version>
          <dependencies>
            <dependency>
              <groupId>redis.clients</groupId>
              <artifactId>jedis</artifactId>
              <version>5.2.0</version>
            </dependency>
          </dependencies>
        </project>
        """);
    write("src/main/resources/application.yml", """
        spring:
          application:
            name: shop
        ---
        spring:
          config:
            activate:
              on-profile: prod
          data:
            redis:
              host: redis
        """);
    write("client/src/main/resources/application-dev.properties", "spring.redis.port=6380\n");
    write("docker-compose.yml", """
        services:
          cache:
            image: redis:7.2-alpine
          app:
            build: .
        """);
    Deployment deployment = Deployment.detect(dir);
    assertEquals(List.of(), deployment.multiInstance());
    assertEquals(List.of(
        "client/pom.xml depends on jedis",
        "client/src/main/resources/application-dev.properties sets spring.redis.port",
        "docker-compose.yml: service cache runs redis:7.2-alpine",
        "pom.xml depends on spring-boot-starter-data-redis",
        "src/main/resources/application.yml sets spring.data.redis.host"), deployment.redis().stream().sorted().toList());
  }

  private MigrationFixture settings(String backend) {
    return new MigrationFixture(dir).file("pom.xml", RedisBackendTest.BOOT_POM).java(RedisBackendTest.SETTING)
        .java(RedisBackendTest.SETTINGS).config(OptkitConfig.defaults().withCacheBackend(backend));
  }

  private static List<String> warnings(MigrationPlan plan) {
    CachingTarget target = plan.targets().stream().filter(t -> t.method().fact().name().equals("setting")).findFirst()
        .orElseThrow(() -> new AssertionError("setting() not cached: " + plan.refusals()));
    return target.warnings();
  }

  @Test
  void aLocalCacheWithAWriterIsWarnedWhenTheProjectLooksMultiInstance() {
    String compose = """
        services:
          settings:
            build: .
            deploy:
              replicas: 3
        """;
    MigrationPlan single = settings("local").plan();
    assertEquals(List.of(), warnings(single), "one instance: nothing to warn of");
    assertEquals(List.of(), single.deployment(), single.notes().toString());

    MigrationPlan multi = settings("local").file("docker-compose.yml", compose).plan();
    assertEquals(List.of("looks multi-instance because docker-compose.yml: service settings has "
        + "deploy.replicas: 3"), multi.deployment());
    assertEquals(1, warnings(multi).size(), warnings(multi).toString());
    assertTrue(warnings(multi).get(0).startsWith("evicted on this instance only: the project looks multi-instance "
        + "(docker-compose.yml: service settings has deploy.replicas: 3)"), warnings(multi).get(0));

    MigrationPlan shared = settings("redis").file("docker-compose.yml", compose).plan();
    assertEquals(List.of(), warnings(shared), "Redis is shared by every instance: its evictions reach them all");
  }

  /**
   * Spring Boot's Redis starter brings Lettuce, which holds every command while Redis is down until its timeout, a
   * minute by default: a project migrated to a Redis backend with no spring.data.redis.timeout is told so. Not with
   * a timeout set, with Lettuce excluded for Jedis, with client-type jedis, nor with the local backend.
   */
  @Test
  void aRedisBackendThroughLettuceWithoutACommandTimeoutIsNoted() throws IOException {
    String starter = RedisBackendTest.BOOT_POM.replace("<artifactId>spring-boot-starter</artifactId>",
        "<artifactId>spring-boot-starter-data-redis</artifactId>");
    MigrationPlan redis = settings("redis").file("pom.xml", starter).plan();
    List<String> noted = redis.deployment().stream().filter(n -> n.contains("Lettuce")).toList();
    assertEquals(1, noted.size(), redis.deployment().toString());
    assertTrue(noted.get(0).startsWith("Redis is reached through Lettuce (pom.xml depends on "
        + "spring-boot-starter-data-redis, whose client is Lettuce) and no application file sets "
        + "spring.data.redis.timeout"), noted.get(0));
    MigrationPlan local = settings("local").file("pom.xml", starter).plan();
    assertTrue(local.deployment().stream().noneMatch(n -> n.contains("Lettuce")), "no Redis backend: " + local.deployment());

    write("pom.xml", starter);
    assertEquals(1, Deployment.detect(dir).untimedLettuce().size());
    write("src/main/resources/application-prod.yml", "spring:\n  data:\n    redis:\n      timeout: 1s\n");
    assertEquals(List.of(), Deployment.detect(dir).untimedLettuce(), "a timeout is set");
    write("src/main/resources/application-prod.yml", "spring.data.redis.client-type: jedis\n");
    assertEquals(List.of(), Deployment.detect(dir).untimedLettuce(), "Jedis is chosen");
    write("src/main/resources/application-prod.yml", "spring.data.redis.host: cache\n");
    assertEquals(1, Deployment.detect(dir).untimedLettuce().size(), "a host alone sets no timeout");
    write("pom.xml", starter.replace("<artifactId>spring-boot-starter-data-redis</artifactId>",
        "<artifactId>spring-boot-starter-data-redis</artifactId><exclusions><exclusion>"
            + "<groupId>io.lettuce</groupId><artifactId>lettuce-core</artifactId></exclusion></exclusions>"));
    assertEquals(List.of(), Deployment.detect(dir).untimedLettuce(), "Lettuce excluded");
  }
}
