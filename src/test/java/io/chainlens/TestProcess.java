package io.chainlens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A process a test starts beside its JVM (a Neo4j server, the side-by-side harness's
 * peer): stopped as its own scripts stop it, and taken with the test JVM when that ends
 * first (killed, crashed) so that none outlives a run.
 */
public final class TestProcess implements AutoCloseable {

	private final Process process;

	private final Thread killOnExit;

	private final Duration grace;

	private TestProcess(Process process, Thread killOnExit, Duration grace) {
		this.process = process;
		this.killOnExit = killOnExit;
		this.grace = grace;
	}

	/**
	 * @param grace how long it may take to stop after SIGTERM before it is killed
	 */
	public static TestProcess start(ProcessBuilder builder, String name, Duration grace) throws IOException {
		Process process = builder.start();
		Thread killOnExit = new Thread(process::destroyForcibly, name + "-kill");
		Runtime.getRuntime().addShutdownHook(killOnExit);
		return new TestProcess(process, killOnExit, grace);
	}

	public Process process() {
		return process;
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** Stops it with SIGTERM, and kills it if it has not ended within its grace. */
	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(killOnExit);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down and runs the hook itself
		}
	}

	/** A port free on this machine now, for a process to listen on. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
