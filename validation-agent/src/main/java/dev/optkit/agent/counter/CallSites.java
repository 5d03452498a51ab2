package dev.optkit.agent.counter;

import java.util.List;
import java.util.Optional;

/**
 * The call site of a downstream call: the first stack frame that is the caller's code, not the JDK,
 * the agent, optkit's harness or the client library that made the request.
 */
final class CallSites {
  private static final List<String> NOT_CALLERS = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
      "dev.optkit.agent.counter.", "dev.optkit.agent.shaded.", "dev.optkit.validation.harness.", "org.h2.", "org.hsqldb.", "org.apache.derby.",
      "com.zaxxer.hikari.", "org.apache.http.", "org.apache.hc.", "okhttp3.", "okio.", "org.springframework.",
      "org.hibernate.", "org.mybatis.", "org.apache.ibatis.", "com.mysql.", "org.postgresql.", "oracle.jdbc.",
      "org.mariadb.", "org.jooq.", "io.netty.", "reactor.", "feign.", "retrofit2.", "org.glassfish.jersey.",
      "org.jboss.resteasy.", "org.apache.cxf.", "org.eclipse.jetty.", "com.microsoft.sqlserver.");
  private static final StackWalker WALKER = StackWalker.getInstance();

  private CallSites() {
  }

  static String callerOutside(List<String> projectPrefixes) {
    Optional<String> site = WALKER.walk(frames -> frames
        .filter(f -> projectPrefixes.isEmpty() ? NOT_CALLERS.stream().noneMatch(f.getClassName()::startsWith)
            : projectPrefixes.stream().anyMatch(f.getClassName()::startsWith))
        .findFirst()
        .map(f -> f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber()));
    return site.orElse("unknown");
  }
}
