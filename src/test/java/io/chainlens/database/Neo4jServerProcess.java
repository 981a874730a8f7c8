package io.chainlens.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;

import io.chainlens.TestProcess;

/**
 * A real Neo4j Community server ({@code org.neo4j.server.CommunityEntryPoint}, from the
 * {@code org.neo4j:neo4j} jar the app already depends on) running in a JVM of its own, so
 * the app reaches it exactly as it would reach a server on another machine: over Bolt,
 * with a password, sharing no memory. Its console and logs stay under the home directory.
 */
final class Neo4jServerProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	static final String USER = "neo4j";

	private final Path home;

	private final int port;

	private final String password;

	private final TestProcess process;

	private Neo4jServerProcess(Path home, int port, String password, TestProcess process) {
		this.home = home;
		this.port = port;
		this.password = password;
		this.process = process;
	}

	/**
	 * Starts a server on a new store in {@code home} and returns once it answers queries
	 * over Bolt with the given password.
	 */
	static Neo4jServerProcess start(Path home, String password) {
		int port = TestProcess.freePort();
		Path conf = home.resolve("conf");
		try {
			Files.createDirectories(conf);
			Files.writeString(conf.resolve("neo4j.conf"), """
					server.default_listen_address=127.0.0.1
					server.bolt.listen_address=127.0.0.1:%d
					server.bolt.advertised_address=127.0.0.1:%d
					server.http.enabled=false
					server.https.enabled=false
					dbms.security.auth_enabled=true
					dbms.usage_report.enabled=false
					server.memory.pagecache.size=32m
					db.tx_log.preallocate=false
					""".formatted(port, port), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// what `neo4j-admin dbms set-initial-password` does: the server takes it at its
		// first start
		int exit = AdminTool.execute(new ExecutionContext(home, conf), "dbms", "set-initial-password", password);
		if (exit != 0) {
			throw new IllegalStateException("neo4j-admin dbms set-initial-password ended with " + exit);
		}
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
				"--add-opens=java.base/java.io=ALL-UNNAMED", "-Xmx384m", "-XX:+UseSerialGC",
				// a test server lives for a minute: compiling less starts it faster
				"-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
				"org.neo4j.server.CommunityEntryPoint", "--home-dir=" + home, "--config-dir=" + conf));
		TestProcess process;
		try {
			process = TestProcess.start(new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(home.resolve("console.log").toFile()), "neo4j-server", Duration.ofSeconds(30));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start a Neo4j server process", ex);
		}
		Neo4jServerProcess server = new Neo4jServerProcess(home, port, password, process);
		try {
			server.awaitQueries();
			return server;
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	private void awaitQueries() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		RuntimeException last = null;
		// polled without the driver's retries and their log lines: this loop is the retry
		Config quiet = Config.builder()
			.withLogging(Logging.none())
			.withMaxTransactionRetryTime(0, TimeUnit.SECONDS)
			.withConnectionTimeout(2, TimeUnit.SECONDS)
			.build();
		try (Driver driver = GraphDatabase.driver(uri(), authToken(), quiet)) {
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							"The Neo4j server process ended with " + process.process().exitValue() + "; see "
									+ home.resolve("console.log") + " and " + home.resolve("logs"));
				}
				try (Session session = driver.session()) {
					session.run("RETURN 1").consume();
					return;
				}
				catch (Neo4jException ex) {
					last = ex;
				}
				sleep(250);
			}
		}
		throw new IllegalStateException("The Neo4j server did not answer within " + START_TIMEOUT.toSeconds()
				+ " s; see " + home.resolve("logs"), last);
	}

	URI uri() {
		return URI.create("bolt://127.0.0.1:" + port);
	}

	AuthToken authToken() {
		return AuthTokens.basic(USER, password);
	}

	long pid() {
		return process.process().pid();
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/** Stops the server as its own scripts do (SIGTERM), and kills it if it hangs. */
	@Override
	public void close() {
		process.close();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the Neo4j server", ex);
		}
	}

}
