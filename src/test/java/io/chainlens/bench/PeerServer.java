package io.chainlens.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

import io.chainlens.TestProcess;

/**
 * The side-by-side harness's peer ({@code @neo4j/graphql} with Apollo Server,
 * {@code bench/peer-server/server.js}) as a Node.js process of its own, started as
 * bench/peer starts it: against a Neo4j's Bolt port, with the environment server.js
 * reads. Its output is kept in a log file.
 */
final class PeerServer implements AutoCloseable {

	static final Path HOME = Path.of("bench", "peer-server").toAbsolutePath();

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

	private final TestProcess process;

	private final URI uri;

	private PeerServer(TestProcess process, URI uri) {
		this.process = process;
		this.uri = uri;
	}

	/**
	 * Why the peer cannot run here, or null when it can: Node.js on the PATH and the
	 * packages of bench/peer-server/package-lock.json installed, with {@code npm ci} (as
	 * bench/peer installs them) when they are not yet.
	 * @param path the directories where node and npm are looked for (the PATH)
	 */
	static String unavailable(String path, Path log) {
		if (!onPath(path, "node")) {
			return "node is not on the PATH: the peer (@neo4j/graphql, bench/peer-server) cannot run here";
		}
		int major = nodeMajorVersion();
		if (major < 20) {
			// @apollo/server 5 and @neo4j/graphql 7 need Node.js 20 (their package.json
			// engines); an older one (Debian 12's is 18) would fail at the peer's start
			return "node " + (major < 0 ? "did not say its version" : major) + " is older than 20, which the peer's "
					+ "packages need (bench/peer-server): the peer cannot run here";
		}
		if (Files.isRegularFile(HOME.resolve("node_modules/@neo4j/graphql/package.json"))) {
			return null;
		}
		if (!onPath(path, "npm")) {
			return "npm is not on the PATH: the peer's packages (bench/peer-server) cannot be installed here";
		}
		try {
			Files.createDirectories(log.getParent());
			Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(HOME.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			boolean ended = npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			if (!ended) {
				npm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			if (ended && npm.exitValue() == 0) {
				return null;
			}
			// not left half-installed: the next run would take it for installed
			FileSystemUtils.deleteRecursively(HOME.resolve("node_modules"));
			return "npm ci in bench/peer-server "
					+ (ended ? "ended with " + npm.exitValue() : "took over " + INSTALL_TIMEOUT.toMinutes() + " min")
					+ " (no registry?): the peer cannot be installed here; see " + log;
		}
		catch (IOException ex) {
			return "npm ci in bench/peer-server could not run (" + ex.getMessage()
					+ "): the peer cannot be installed here";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while installing the peer", ex);
		}
	}

	/**
	 * Starts the peer and returns once it says it is ready (as bench/peer waits for it).
	 */
	static PeerServer start(URI bolt, String user, String password, Path log) throws IOException {
		int port = TestProcess.freePort();
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder("node", "server.js").directory(HOME.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment()
			.putAll(Map.of("NEO4J_URI", bolt.toString(), "NEO4J_USER", user, "NEO4J_PASSWORD", password, "PORT",
					Integer.toString(port)));
		TestProcess process = TestProcess.start(builder, "peer-server", Duration.ofSeconds(10));
		PeerServer peer = new PeerServer(process, URI.create("http://127.0.0.1:" + port + "/"));
		try {
			long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
			while (!Files.readString(log, StandardCharsets.UTF_8).contains("peer ready")) {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							"The peer ended with " + process.process().exitValue() + ": " + Files.readString(log));
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"The peer was not ready within " + START_TIMEOUT.toSeconds() + " s; see " + log);
				}
				Thread.sleep(200);
			}
			return peer;
		}
		catch (InterruptedException ex) {
			peer.close();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting the peer", ex);
		}
		catch (RuntimeException | IOException ex) {
			peer.close();
			throw ex;
		}
	}

	/** Its GraphQL endpoint. */
	URI uri() {
		return uri;
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/** Stops it with SIGTERM, as bench/peer does, and kills it if it hangs. */
	@Override
	public void close() {
		process.close();
	}

	/** The major version of the node on the PATH; -1 when it does not say. */
	private static int nodeMajorVersion() {
		try {
			Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!node.waitFor(30, TimeUnit.SECONDS)) {
				node.destroyForcibly();
				return -1;
			}
			java.util.regex.Matcher v = java.util.regex.Pattern.compile("^v(\\d+)\\.").matcher(version);
			return v.find() ? Integer.parseInt(v.group(1)) : -1;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static boolean onPath(String path, String command) {
		List<String> dirs = path == null ? List.of() : Arrays.asList(path.split(File.pathSeparator));
		return dirs.stream().filter(d -> !d.isEmpty()).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
	}

}
