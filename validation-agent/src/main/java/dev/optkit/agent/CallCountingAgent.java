package dev.optkit.agent;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameMatches;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.jar.JarFile;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Entry point of {@code -javaagent:optkit-validation-agent.jar=out=FILE,sites=PREFIX;PREFIX}.
 * Counts the downstream requests the JVM really makes (HTTP through {@code java.net.http},
 * {@code HttpURLConnection}, OkHttp and Apache HttpClient 4 and 5; JDBC statement executions, which
 * JPA, Spring Data and MyBatis end in), per call site, with their latency, and
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

  private static final ElementMatcher.Junction<MethodDescription> SENDS = namedOneOf("send", "sendAsync");
  private static final ElementMatcher.Junction<MethodDescription> CONNECTION_REQUESTS =
      namedOneOf("getInputStream", "getResponseCode").and(takesNoArguments());
  private static final ElementMatcher.Junction<MethodDescription> EXECUTES = nameStartsWith("execute");
  /** OkHttp: a call executed now, or queued (counted when queued: its latency is not the request's). */
  private static final ElementMatcher.Junction<MethodDescription> OKHTTP_CALLS =
      named("execute").and(takesNoArguments()).or(named("enqueue").and(takesArguments(1)));
  /** Apache HttpClient 4 and 5 (classic): every public execute overload ends in the protected doExecute. */
  private static final ElementMatcher.Junction<MethodDescription> APACHE_EXECUTES = named("doExecute");
  /** The JDK classes that make HTTP requests: every other JDK class is ignored by name. */
  private static final String JDK_HTTP_IMPLEMENTATIONS = "java\\.net\\.HttpURLConnection"
      + "|javax\\.net\\.ssl\\.HttpsURLConnection|sun\\.net\\.www\\.protocol\\.https?\\.[^.]+"
      + "|jdk\\.internal\\.net\\.http\\.[^.]+";

  /**
   * JDK classes other than the HTTP implementations, ignored by name before any hierarchy is
   * resolved: matching a class reads its super types' class files through a {@code jrt:} URL, and
   * matching a class on that very path while it loads fails with a ClassCircularityError (seen for
   * {@code sun.net.www.protocol.jrt.Handler}).
   */
  private static ElementMatcher.Junction<TypeDescription> jdkOutsideNetworking() {
    return nameStartsWith("java.").or(nameStartsWith("javax.")).or(nameStartsWith("jdk."))
        .or(nameStartsWith("sun.")).or(nameStartsWith("com.sun."))
        .and(not(nameMatches(JDK_HTTP_IMPLEMENTATIONS)));
  }

  /**
   * Classes that declare one of the methods and extend or implement the type: the declared-method
   * test reads only the class's own file, so the hierarchy is resolved for few classes.
   */
  private static ElementMatcher.Junction<TypeDescription> implementationsOf(String type,
      ElementMatcher<? super MethodDescription> methods) {
    return not(isInterface()).and(declaresMethod(methods)).and(hasSuperType(named(type)));
  }

  private static AgentBuilder.Transformer advice(ElementMatcher.Junction<MethodDescription> methods, Class<?> advice) {
    ElementMatcher<MethodDescription> bodies = methods.and(isPublic()).and(not(isAbstract())).and(not(isStatic()));
    return new AgentBuilder.Transformer.ForAdvice().advice(bodies, advice.getName())
        .include(CallCountingAgent.class.getClassLoader());
  }

  /** The same for a protected template method that every public entry point calls once. */
  private static AgentBuilder.Transformer adviceOnProtected(ElementMatcher.Junction<MethodDescription> methods,
      Class<?> advice) {
    ElementMatcher<MethodDescription> bodies = methods.and(not(isAbstract())).and(not(isStatic()));
    return new AgentBuilder.Transformer.ForAdvice().advice(bodies, advice.getName())
        .include(CallCountingAgent.class.getClassLoader());
  }

  /**
   * Advice is inlined, so ByteBuddy's Nexus is never needed; without this switch, building the agent
   * injects a Nexus class into the system class loader through Unsafe, which JDK 24+ warns about.
   * The property is read under the relocated package name, hence derived from a ByteBuddy class.
   */
  private static void disableByteBuddyNexus() {
    String property = AgentBuilder.class.getPackageName().replace(".agent.builder", "") + ".nexus.disabled";
    if (System.getProperty(property) == null) {
      System.setProperty(property, "true");
    }
  }

  /** Touches the counters only after the bootstrap path holds them. */
  private static final class Installed {
    static void start(AgentArguments arguments, Instrumentation instrumentation) throws Exception {
      Class<?> counters = Class.forName("dev.optkit.agent.counter.CallCounters", true, null);
      counters.getMethod("restrictSitesTo", java.util.List.class).invoke(null, arguments.sitePrefixes());
      disableByteBuddyNexus();
      new AgentBuilder.Default()
          .disableClassFormatChanges()
          .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
          .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
          .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
          .assureReadEdgeTo(instrumentation, counters)
          .ignore(isSynthetic().or(nameStartsWith("dev.optkit.agent.")).or(jdkOutsideNetworking()))
          .type(implementationsOf("java.net.http.HttpClient", SENDS))
          .transform(advice(SENDS, Advices.Http.class))
          .type(implementationsOf("java.net.HttpURLConnection", CONNECTION_REQUESTS))
          .transform(advice(CONNECTION_REQUESTS, Advices.UrlConnection.class))
          .type(implementationsOf("java.sql.Statement", EXECUTES))
          .transform(advice(EXECUTES, Advices.Jdbc.class))
          .type(implementationsOf("okhttp3.Call", OKHTTP_CALLS))
          .transform(advice(OKHTTP_CALLS, Advices.Http.class))
          .type(implementationsOf("org.apache.hc.client5.http.impl.classic.CloseableHttpClient", APACHE_EXECUTES)
              .or(implementationsOf("org.apache.http.impl.client.CloseableHttpClient", APACHE_EXECUTES)))
          .transform(adviceOnProtected(APACHE_EXECUTES, Advices.Http.class))
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
