package dev.optkit.rewriters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * One instance of a migrated Spring service in a JVM of its own, driven over stdin by
 * {@link TwoInstancesTest}: {@code read <name>} answers the setting's value and how long the call took
 * in nanoseconds, {@code write <name> <value>} calls the writer, {@code level} answers the two-level
 * backend's local hits and misses (0 and 0 without one). Arguments: the configuration class,
 * the service class, and Redis's port (0: no Redis).
 */
public final class InstanceProcess {
  private InstanceProcess() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8)); // the service's own output stays off the protocol
    ClassLoader loader = InstanceProcess.class.getClassLoader();
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      int redisPort = Integer.parseInt(args[2]);
      if (redisPort > 0) {
        Class<?> standalone = loader.loadClass("org.springframework.data.redis.connection.RedisStandaloneConfiguration");
        Object server = standalone.getConstructor(String.class, int.class).newInstance("127.0.0.1", redisPort);
        Object factory = loader.loadClass("org.springframework.data.redis.connection.jedis.JedisConnectionFactory")
            .getConstructor(standalone).newInstance(server);
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) loader.loadClass("org.springframework.data.redis.connection.RedisConnectionFactory");
        context.registerBean("redisConnectionFactory", type, () -> factory);
      }
      context.register(loader.loadClass(args[0]), loader.loadClass(args[1]));
      context.refresh();
      Object service = context.getBean(loader.loadClass(args[1]));
      Method read = service.getClass().getMethod("setting", String.class);
      Method write = service.getClass().getMethod("update", String.class, String.class);
      out.println("ready");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
        String[] words = line.split(" ", 3);
        if (words[0].equals("level")) {
          // the two-level backend's local level: its own hits and misses (Redis's statistics never see its hits)
          if (context.containsBean("optkitLocalLevel")) {
            Object level = context.getBean("optkitLocalLevel");
            Object stats = level.getClass().getMethod("statistics", String.class).invoke(level, "optkit.Settings.setting");
            out.println(stats.getClass().getMethod("hitCount").invoke(stats) + "\t"
                + stats.getClass().getMethod("missCount").invoke(stats));
          } else {
            out.println("0\t0");
          }
        } else if (words[0].equals("read")) {
          long start = System.nanoTime();
          Object setting = read.invoke(service, words[1]);
          long took = System.nanoTime() - start;
          out.println(setting.getClass().getMethod("value").invoke(setting) + "\t" + took);
        } else {
          write.invoke(service, words[1], words[2]);
          out.println("ok");
        }
      }
    }
  }
}
