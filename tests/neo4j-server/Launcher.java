// Embedded Neo4j (community) with Bolt, for the test suite.
//
//   java -Xmx768m -cp "$(cat target/classpath.txt)" Launcher.java <dataDir> <port> <password>
//
// Listens on bolt://127.0.0.1:<port> with auth enabled (user neo4j / <password>),
// prints one line "READY bolt://127.0.0.1:<port>" on stdout once Bolt accepts
// connections, and shuts down cleanly when stdin closes or on SIGTERM.
// Logs go to <dataDir>/logs; the same dataDir can be reopened by a later run
// (the password is set when the dataDir is first created).

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.logging.NullLogProvider;
import picocli.CommandLine;

public class Launcher {
    private static DatabaseManagementService dbms;

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Launcher <dataDir> <port> <password>");
            System.exit(2);
        }
        try {
            run(args);
        } catch (Throwable e) {
            // Neo4j's non-daemon threads would keep a failed JVM alive: exit.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = args[2];

        setInitialPassword(home, password);
        dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(NullLogProvider.getInstance())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                // Bolt waits 5 s + 5 s for idle pools/connections on shutdown by default.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                // Tests try wrong passwords on purpose: never lock the user out.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(128))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "neo4j-shutdown"));

        waitForPort(port);
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();

        // Block until the parent closes our stdin (or dies), then stop.
        InputStream in = System.in;
        byte[] buf = new byte[256];
        while (in.read(buf) >= 0) {
            // ignore anything written to us
        }
        shutdown();
        System.exit(0);
    }

    // Same as `neo4j-admin dbms set-initial-password`: writes data/dbms/auth.ini,
    // which Neo4j reads when it creates the system database on a first start.
    // (Faster than ALTER USER through the system db: that costs ~2.5 s of Cypher warm-up.)
    // On a reopened dataDir the password stays the one of the first start.
    private static void setInitialPassword(Path home, String password) {
        if (Files.isDirectory(home.resolve("data/databases/system"))) {
            return;
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        ExecutionContext ctx = new ExecutionContext(home, home.resolve("conf"), quiet, System.err,
                new DefaultFileSystemAbstraction());
        int rc = new CommandLine(new SetInitialPasswordCommand(ctx)).execute(password);
        if (rc != 0) {
            throw new IllegalStateException("set-initial-password failed: " + rc);
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Bolt port " + port + " never opened", e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static synchronized void shutdown() {
        if (dbms != null) {
            DatabaseManagementService d = dbms;
            dbms = null;
            d.shutdown();
        }
    }
}
