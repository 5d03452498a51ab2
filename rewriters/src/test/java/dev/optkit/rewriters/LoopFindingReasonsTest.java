package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * What a loop finding says of its loop: a project call that writes is not called a query, and a key-value store
 * read per element is told its fix is a multi-get. Each case's comment names the audit of optkit's refusal reasons
 * on public projects (2026-11-25 on), the trial or the hostile review it came from, and its project (a case naming
 * none is from the first audit, a review of 30 refusals on four projects); each stands beside a true twin, or a
 * control: the code the reason names must do what it says.
 */
class LoopFindingReasonsTest extends SpringProjectPlans {
  // ---- a loop whose project call writes is not called a query (eladmin deleteOnlineUser)

  @Test
  void aLoopWhoseProjectCallWritesSaysItWrites() {
    MigrationPlan plan = spring("logout")
        .java("""
            package shop;

            import org.springframework.data.redis.core.StringRedisTemplate;
            import org.springframework.stereotype.Service;

            @Service
            public class Sessions {
                private final StringRedisTemplate redis;

                public Sessions(StringRedisTemplate redis) {
                    this.redis = redis;
                }

                public void logout(String token) {
                    if (Boolean.TRUE.equals(redis.hasKey("login:" + token))) {
                        redis.delete("login:" + token);
                    }
                }
            }
            """)
        .java("""
            package shop;

            import java.util.Set;
            import org.springframework.stereotype.Service;

            @Service
            public class Online {
                private final Sessions sessions;

                public Online(Sessions sessions) {
                    this.sessions = sessions;
                }

                public void kick(Set<String> tokens) {
                    for (String token : tokens) {
                        sessions.logout(token);
                    }
                }
            }
            """)
        .plan();
    String why = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElse("none");
    assertFalse(why.startsWith("its query runs inside"), why);
    assertTrue(why.contains("writes") && why.contains("delete()"), why);
  }

  // ---- a loop reading a key-value store per element: the fix is a multi-get (eladmin OnlineUserService.getAll)

  @Test
  void aLoopReadingRedisThroughProjectCodeIsToldItsFixIsAMultiGet() {
    MigrationPlan plan = spring("redis-read")
        .java("""
            package shop;

            import org.springframework.data.redis.core.StringRedisTemplate;
            import org.springframework.stereotype.Component;

            @Component
            public class Sessions {
                private final StringRedisTemplate redis;

                public Sessions(StringRedisTemplate redis) {
                    this.redis = redis;
                }

                public String owner(String token) {
                    return redis.opsForValue().get("login:" + token);
                }
            }
            """)
        .java("""
            package shop;

            import java.util.ArrayList;
            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class Online {
                private final Sessions sessions;

                public Online(Sessions sessions) {
                    this.sessions = sessions;
                }

                public List<String> owners(List<String> tokens) {
                    List<String> owners = new ArrayList<>();
                    for (String token : tokens) {
                        String owner = sessions.owner(token);
                        owners.add(owner);
                    }
                    return owners;
                }
            }
            """)
        .plan();
    String why = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElse("none");
    assertTrue(why.contains("a multi-get"), why);
    assertFalse(why.contains("IN (...)) is the fix"), why);
  }
}
