package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A helper that returns a new object built from the result ({@code return new Shell(ip,
 * server.getAccount())}): callers changing that object change the result only when the
 * constructor took the result, or a mutable part of it (eladmin's {@code getExecuteShellUtil}).
 */
class ConstructedHolderTest {
  @TempDir Path dir;

  private static final String SERVER = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;

      public class Server {
          private String ip;
          private String account;
          private final List<String> tags = new ArrayList<>();

          public Server(String ip, String account) {
              this.ip = ip;
              this.account = account;
          }

          public String getIp() { return ip; }
          public String getAccount() { return account; }
          public List<String> getTags() { return tags; }
          public void setAccount(String account) { this.account = account; }
      }
      """;

  private static final String SERVERS = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Service;

      @Service
      public class Servers {
          private final JdbcTemplate jdbc;

          public Servers(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public Server findByIp(String ip) {
              return jdbc.queryForObject("SELECT ip, account FROM server WHERE ip = ?",
                  (rs, n) -> new Server(rs.getString(1), rs.getString(2)), ip);
          }
      }
      """;

  /** Builds a Shell from the row it loads and changes the Shell: {@code ARG} is what it hands the Shell. */
  private static final String DEPLOYER = """
      package shop;

      import org.springframework.stereotype.Service;

      @Service
      public class Deployer {
          private final Servers servers;

          public Deployer(Servers servers) {
              this.servers = servers;
          }

          public void deploy(String ip) {
              Shell shell = shellFor(ip);
              shell.execute("deploy");
          }

          private Shell shellFor(String ip) {
              Server server = servers.findByIp(ip);
              return new Shell(ip, ARG);
          }
      }
      """;

  /** Keeps what it is given as {@code TYPE} and changes itself, or that, in {@code execute}. */
  private static final String SHELL = """
      package shop;

      public class Shell {
          private final String ip;
          private final TYPE account;
          private String stdout = "";

          public Shell(String ip, TYPE account) {
              this.ip = ip;
              this.account = account;
          }

          public void execute(String command) {
              stdout = stdout + ip + command;
              CHANGE
          }
      }
      """;

  private MigrationPlan plan(String name, String arg, String type, String change) throws Exception {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(SERVER).java(SERVERS).java(DEPLOYER.replace("ARG", arg))
        .java(SHELL.replace("TYPE", type).replace("CHANGE", change)).plan();
  }

  @Test
  void anObjectBuiltFromAStringOfTheResultHoldsNoPartOfIt() throws Exception {
    MigrationPlan plan = plan("string", "server.getAccount()", "String", "");
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("Servers.findByIp")),
        "findByIp was not cached; refused: " + plan.refusals().stream().map(Refusal::reason).toList());
    // the Shell itself is changed by its caller: caching shellFor would share it
    assertTrue(refusal(plan, "shellFor").contains("Shell.execute(), which changes it"), refusal(plan, "shellFor"));
  }

  @Test
  void anObjectBuiltFromTheResultItselfSharesIt() throws Exception {
    String why = refusal(plan("itself", "server", "Server", "account.setAccount(command);"), "findByIp");
    assertTrue(why.contains("Deployer.shellFor() passes the result it gets to Shell.Shell(), which keeps it"), why);
  }

  @Test
  void anObjectBuiltFromAMutablePartOfTheResultSharesIt() throws Exception {
    String why = refusal(plan("part", "server.getTags()", "java.util.List<String>", "account.add(command);"),
        "findByIp");
    assertTrue(why.contains("Deployer.shellFor() returns the result it gets"), why);
  }

  private static String refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError(method + " was not refused; cached: "
            + plan.targets().stream().map(t -> t.method().fact().displayName()).toList()));
  }
}
