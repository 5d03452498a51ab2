package dev.optkit.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.jar.JarFile;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Entry point of {@code -javaagent:optkit-validation-agent.jar=out=FILE,sites=PREFIX;PREFIX}.
 * Counts the downstream requests the JVM really makes (HTTP through {@code java.net.http} and
 * {@code HttpURLConnection}, JDBC statement executions), per call site, with their latency, and
 * writes them to {@code out} at exit. Never breaks the host: a failure to install is one line on
 * standard error and the application runs uncounted.
 */
public final class CallCountingAgent {
  /** Only this package goes on the bootstrap path: the rest of the agent stays in the application loader. */
  private static final String COUNTER_PACKAGE = "dev/optkit/agent/counter/";

  private CallCountingAgent() {
  }

  public static void premain(String arguments, Instrumentation instrumentation) {
    install(arguments, instrumentation);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    install(arguments, instrumentation);
  }

  private static void install(String arguments, Instrumentation instrumentation) {
    try {
      // the counters must be one copy, visible to JDK classes: load them from the bootstrap path
      File jar = new File(CallCountingAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(BootstrapJar.extract(jar, COUNTER_PACKAGE).toFile()));
      AgentArguments parsed = AgentArguments.parse(arguments);
      Installed.start(parsed, instrumentation);
    } catch (Throwable e) {
      System.err.println("optkit agent: not installed, calls are not counted (" + e + ")");
    }
  }

  /** Touches the counters only after the bootstrap path holds them. */
  private static final class Installed {
    static void start(AgentArguments arguments, Instrumentation instrumentation) throws Exception {
      Class<?> counters = Class.forName("dev.optkit.agent.counter.CallCounters", true, null);
      counters.getMethod("restrictSitesTo", java.util.List.class).invoke(null, arguments.sitePrefixes());
      new AgentBuilder.Default()
          .disableClassFormatChanges()
          .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
          .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
          .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
          .assureReadEdgeTo(instrumentation, counters)
          .ignore(nameStartsWith("dev.optkit.agent.").or(nameStartsWith("net.bytebuddy.")))
          .type(isSubTypeOf(java.net.http.HttpClient.class).and(not(isAbstract())))
          .transform(new AgentBuilder.Transformer.ForAdvice().advice(namedOneOf("send", "sendAsync"),
              Advices.Http.class.getName()).include(CallCountingAgent.class.getClassLoader()))
          .type(isSubTypeOf(java.net.HttpURLConnection.class).and(not(isAbstract())))
          .transform(new AgentBuilder.Transformer.ForAdvice().advice(
              namedOneOf("getInputStream", "getResponseCode").and(takesNoArguments()),
              Advices.UrlConnection.class.getName()).include(CallCountingAgent.class.getClassLoader()))
          .type(isSubTypeOf(java.sql.Statement.class).and(not(isAbstract())))
          .transform(new AgentBuilder.Transformer.ForAdvice().advice(nameStartsWith("execute").and(not(isAbstract())),
              Advices.Jdbc.class.getName()).include(CallCountingAgent.class.getClassLoader()))
          .installOn(instrumentation);
      if (arguments.out() != null) {
        Path out = arguments.out();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            counters.getMethod("writeTo", Path.class).invoke(null, out);
          } catch (ReflectiveOperationException e) {
            System.err.println("optkit agent: could not write " + out + " (" + e.getCause() + ")");
          }
        }, "optkit-agent-counts"));
      }
    }
  }
}
