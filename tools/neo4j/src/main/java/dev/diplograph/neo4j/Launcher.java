package dev.diplograph.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;
import picocli.CommandLine;

/**
 * Embedded Neo4j 5.26 Community with a Bolt connector, for development and tests on machines without Docker.
 *
 * <p>Configuration (argument beats environment beats default):
 *
 * <ul>
 *   <li>data directory (Neo4j's home: databases under {@code data/}, logs under {@code logs/}): first argument,
 *       else {@code NEO4J_DATA_DIR}, else {@code tools/neo4j/run/data}
 *   <li>Bolt port: {@code NEO4J_BOLT_PORT}, default 7687, bound to 127.0.0.1 only
 *   <li>password of user {@code neo4j}: {@code NEO4J_PASSWORD}, default {@code diplograph-dev}
 *   <li>page cache: {@code NEO4J_PAGECACHE_MB}, default 256 (the machine is small and shared)
 * </ul>
 */
public final class Launcher {
  static final String DEFAULT_DATA_DIR = "tools/neo4j/run/data";
  static final int DEFAULT_BOLT_PORT = 7687;
  static final String DEFAULT_PASSWORD = "diplograph-dev";
  static final long DEFAULT_PAGECACHE_MB = 256;
  static final String USER = "neo4j";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args.length > 0 ? args[0] : env("NEO4J_DATA_DIR", DEFAULT_DATA_DIR)).toAbsolutePath();
    int port = Integer.parseInt(env("NEO4J_BOLT_PORT", String.valueOf(DEFAULT_BOLT_PORT)));
    String password = env("NEO4J_PASSWORD", DEFAULT_PASSWORD);
    long pageCacheMb = Long.parseLong(env("NEO4J_PAGECACHE_MB", String.valueOf(DEFAULT_PAGECACHE_MB)));
    Files.createDirectories(dataDir);
    boolean firstStart = !Files.exists(dataDir.resolve("data/databases/system"));
    if (firstStart) setInitialPassword(dataDir, password);

    long started = System.nanoTime();
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(dataDir)
            .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
            // Keep disk use small: the dev database is disposable.
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("diplograph-neo4j: shutting down");
                  dbms.shutdown();
                  System.out.println("diplograph-neo4j: stopped");
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    if (!firstStart) setPassword(dbms, password);
    System.out.printf(
        "diplograph-neo4j: ready on bolt://127.0.0.1:%d as user %s (data %s, started in %d ms)%n",
        port, USER, dataDir, (System.nanoTime() - started) / 1_000_000);
    stopped.await();
  }

  /**
   * Before the first start, as `neo4j-admin dbms set-initial-password` does: writes the auth file that the system
   * database reads when it creates user neo4j, so Bolt never accepts the default password, not even briefly.
   */
  private static void setInitialPassword(Path home, String password) {
    ExecutionContext ctx = new ExecutionContext(home, home.resolve("conf"));
    int rc = new CommandLine(new SetInitialPasswordCommand(ctx)).execute(password);
    if (rc != 0) throw new IllegalStateException("could not set the initial password (exit " + rc + ")");
  }

  /**
   * Later starts: `neo4j-admin dbms set-initial-password`: the system database creates user neo4j with the
   * password "neo4j" (change required) on first start. Embedded transactions run with full rights, so the launcher
   * sets the wanted password there on every start; a changed NEO4J_PASSWORD thus takes effect at the next start.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database("system")
          .executeTransactionally(
              "ALTER USER " + USER + " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
              Map.of("password", password));
    } catch (RuntimeException e) {
      // Neo4j refuses to "change" a password to the one already set: that is the state we want.
      if (!String.valueOf(messageChain(e)).contains("cannot be the same")) throw e;
    }
  }

  private static String messageChain(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) sb.append(c.getMessage()).append(" | ");
    return sb.toString();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
