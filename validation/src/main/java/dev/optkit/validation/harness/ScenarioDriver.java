package dev.optkit.validation.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.validation.spec.ArgSpec;
import dev.optkit.validation.spec.Workload;
import dev.optkit.validation.spec.WorkloadException;
import dev.optkit.validation.spec.WorkloadReader;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs inside the JVM that holds the code under test: builds the fixture, finds the scenario's
 * methods and produces its call sequence, the same sequence for every code version (one seed).
 */
public final class ScenarioDriver implements AutoCloseable {
  private static final ObjectMapper CONVERTER = new ObjectMapper();

  private final Workload workload;
  private final Workload.Scenario scenario;
  private final Object fixture;
  private final Invocable read;
  private final List<Invocable> writes = new ArrayList<>();

  private ScenarioDriver(Workload workload, Workload.Scenario scenario) {
    this.workload = workload;
    this.scenario = scenario;
    this.fixture = createFixture(workload.fixture().factory());
    this.read = invocable(scenario.target(), scenario.method(), scenario.args());
    for (Workload.WriteSpec write : scenario.writes()) {
      writes.add(invocable(write.target(), write.method(), write.args()));
    }
  }

  public static ScenarioDriver open(Path workloadFile, String scenarioName) {
    Workload workload = WorkloadReader.read(workloadFile);
    Workload.Scenario scenario = workload.scenario(scenarioName)
        .orElseThrow(() -> new WorkloadException(workloadFile + ": no scenario '" + scenarioName + "'"));
    // the factory starts servers and databases, and the targets are the fixture's own getters: all project code
    return CallWatchdog.fixture("starting the fixture " + workload.fixture().factory() + " (and finding the "
        + "scenario's methods)", () -> new ScenarioDriver(workload, scenario));
  }

  public Workload.Scenario scenario() {
    return scenario;
  }

  /** The object the workload's factory built: the code under test and its wiring. */
  Object fixture() {
    return fixture;
  }

  /** One call of the sequence: a read, or a write interleaved before it. */
  public record Step(boolean write, String method, Method target, Object receiver, Object[] arguments) {
    public String describe() {
      StringBuilder text = new StringBuilder(method).append('(');
      for (int i = 0; i < arguments.length; i++) {
        text.append(i == 0 ? "" : ", ").append(Answers.format(arguments[i]));
      }
      return text.append(')').toString();
    }

    /** The call with the Java method it runs, for a message about it. */
    public String named() {
      return (write ? "a write " : "a read ") + describe() + " (" + target.getDeclaringClass().getName() + "."
          + target.getName() + ")";
    }
  }

  /**
   * {@code reads} reads, each preceded by the writes its draw selects; with {@code withWrites} false
   * only the reads (latency of the read alone).
   */
  public List<Step> steps(int reads, long seed, boolean withWrites) {
    StepStream stream = stream(seed, withWrites);
    List<Step> steps = new ArrayList<>(reads);
    for (int produced = 0; produced < reads; ) {
      Step step = stream.next();
      steps.add(step);
      produced += step.write() ? 0 : 1;
    }
    return steps;
  }

  /** The same sequence as {@link #steps}, drawn as it is taken and never ending: the load test runs for a time, not a count. */
  public StepStream stream(long seed, boolean withWrites) {
    return new StepStream(seed, withWrites);
  }

  /** An endless call sequence; {@link #next} is safe to call from several threads (one shared draw). */
  public final class StepStream {
    private final Random random;
    private final boolean withWrites;
    private final List<ArgumentStream> readArgs;
    private final List<List<ArgumentStream>> writeArgs = new ArrayList<>();
    private final java.util.ArrayDeque<Step> pending = new java.util.ArrayDeque<>();

    private StepStream(long seed, boolean withWrites) {
      this.random = new Random(seed);
      this.withWrites = withWrites;
      this.readArgs = streams(scenario.args(), random);
      for (Workload.WriteSpec write : scenario.writes()) {
        writeArgs.add(streams(write.args(), random));
      }
    }

    public synchronized Step next() {
      if (pending.isEmpty()) {
        drawRead();
      }
      return pending.poll();
    }

    /** One read and the writes before it, drawn in the order {@link #steps} always drew them. */
    private void drawRead() {
      for (int w = 0; w < writes.size(); w++) {
        boolean chosen = random.nextDouble() < scenario.writes().get(w).share();
        if (chosen && withWrites) {
          pending.add(writes.get(w).step(true, writeArgs.get(w)));
        } else if (chosen) {
          writes.get(w).step(true, writeArgs.get(w)); // same draws either way: the reads stay the same sequence
        }
      }
      pending.add(read.step(false, readArgs));
    }
  }

  /** Calls the step's method; an exception the method threw comes back as thrown, unwrapped. */
  public static Object invoke(Step step) throws Throwable {
    try {
      return step.target().invoke(step.receiver(), step.arguments());
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() {
    String teardown = workload.fixture().teardown();
    if (teardown == null) {
      return;
    }
    CallWatchdog.fixture("the fixture's teardown " + teardown + "()", () -> {
      try {
        fixture.getClass().getMethod(teardown).invoke(fixture);
      } catch (ReflectiveOperationException | RuntimeException e) {
        System.err.println("optkit validate: teardown " + teardown + "() failed: " + e);
      }
      return null;
    });
  }

  private static List<ArgumentStream> streams(List<ArgSpec> specs, Random random) {
    return specs.stream().map(spec -> new ArgumentStream(spec, random)).toList();
  }

  private static Object createFixture(String factory) {
    String className = factory.substring(0, factory.indexOf('#'));
    String methodName = factory.substring(factory.indexOf('#') + 1);
    try {
      Method method = Class.forName(className, true, ProjectClassLoader.current()).getMethod(methodName);
      if (!Modifier.isStatic(method.getModifiers())) {
        throw new WorkloadException("fixture factory " + factory + " is not static");
      }
      return method.invoke(null);
    } catch (ClassNotFoundException e) {
      throw new WorkloadException("fixture class " + className + " is not on the class path");
    } catch (NoSuchMethodException e) {
      throw new WorkloadException("fixture factory " + factory + "() without parameters not found");
    } catch (InvocationTargetException e) {
      throw new WorkloadException("fixture factory " + factory + " failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new WorkloadException("fixture factory " + factory + " is not public");
    }
  }

  /** The object a scenario names: a map entry, a bean of an application context, a getter or field, or the fixture. */
  private Object resolveTarget(String target) {
    if (target == null) {
      return fixture;
    }
    if (fixture instanceof Map<?, ?> map) {
      if (!map.containsKey(target)) {
        throw new WorkloadException("the fixture map has no entry '" + target + "' (it has " + map.keySet() + ")");
      }
      return map.get(target);
    }
    try {
      Method getBean = fixture.getClass().getMethod("getBean", String.class);
      return getBean.invoke(fixture, target);
    } catch (NoSuchMethodException e) {
      // not an application context
    } catch (ReflectiveOperationException e) {
      throw new WorkloadException("no bean '" + target + "' in the application context: " + e.getCause());
    }
    for (String name : List.of(target, "get" + Character.toUpperCase(target.charAt(0)) + target.substring(1))) {
      try {
        return fixture.getClass().getMethod(name).invoke(fixture);
      } catch (NoSuchMethodException e) {
        // try the next form
      } catch (ReflectiveOperationException e) {
        throw new WorkloadException("fixture." + name + "() failed: " + e.getCause());
      }
    }
    try {
      Field field = fixture.getClass().getField(target);
      return field.get(fixture);
    } catch (ReflectiveOperationException e) {
      throw new WorkloadException("the fixture " + fixture.getClass().getName() + " has no entry, bean, getter or public "
          + "field '" + target + "'");
    }
  }

  private Invocable invocable(String target, String methodName, List<ArgSpec> args) {
    Object receiver = resolveTarget(target);
    List<Method> candidates = new ArrayList<>();
    for (Method method : receiver.getClass().getMethods()) {
      if (method.getName().equals(methodName) && method.getParameterCount() == args.size()) {
        candidates.add(method);
      }
    }
    if (candidates.isEmpty()) {
      throw new WorkloadException(receiver.getClass().getName() + " has no public method " + methodName + " with "
          + args.size() + " parameter(s)");
    }
    candidates.sort(java.util.Comparator.comparing(Method::toGenericString)); // deterministic among overloads
    return new Invocable(receiver, candidates.get(0), (target == null ? "" : target + ".") + methodName);
  }

  private record Invocable(Object receiver, Method method, String name) {
    Step step(boolean write, List<ArgumentStream> streams) {
      Object[] arguments = new Object[streams.size()];
      for (int i = 0; i < arguments.length; i++) {
        Object raw = streams.get(i).next();
        arguments[i] = CONVERTER.convertValue(raw, CONVERTER.constructType(declaredTypes(method)[i]));
      }
      return new Step(write, name, method, receiver, arguments);
    }
  }

  /**
   * The parameter types as the application declares them: a proxy's subclass (Spring's CGLIB proxy of
   * a @Transactional bean) overrides the method without generic signatures, so its {@code List<Long>}
   * reads as a raw {@code List} and a YAML list would become integers; the nearest superclass declaring
   * the method with its generics says what the elements are.
   */
  static java.lang.reflect.Type[] declaredTypes(Method method) {
    for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
      try {
        Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        if (!declared.isSynthetic() && !declared.isBridge()
            && !java.util.Arrays.equals(declared.getGenericParameterTypes(), declared.getParameterTypes())) {
          return declared.getGenericParameterTypes();
        }
      } catch (NoSuchMethodException e) {
        // declared higher up
      }
    }
    return method.getGenericParameterTypes();
  }
}
