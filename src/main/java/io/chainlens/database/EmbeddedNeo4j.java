package io.chainlens.database;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j database running inside this JVM, reached like any other server through Bolt on
 * localhost, so that the app's code is the same for embedded and external databases.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

	private static final String USER = "neo4j";

	private final Path dataDir;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final DatabaseManagementService service;

	private final URI boltUri;

	private final String password;

	private EmbeddedNeo4j(Path dataDir, FileChannel lockChannel, FileLock lock, DatabaseManagementService service,
			URI boltUri, String password) {
		this.dataDir = dataDir;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.service = service;
		this.boltUri = boltUri;
		this.password = password;
	}

	public static EmbeddedNeo4j start(Neo4jSettings settings) {
		return start(settings, null);
	}

	/**
	 * @param seedLocation the seed data set the app loads into an empty store, or null
	 * when it loads none; a store template is used only for this data set
	 */
	public static EmbeddedNeo4j start(Neo4jSettings settings, String seedLocation) {
		Path dataDir = settings.dataDir().toAbsolutePath().normalize();
		FileChannel channel = null;
		FileLock lock = null;
		DatabaseManagementService service = null;
		try {
			Files.createDirectories(dataDir);
			// Neo4j's own store lock surfaces as a failed database deep in its start-up;
			// taking our own lock first lets a second app on the same directory fail with
			// a plain message.
			channel = FileChannel.open(dataDir.resolve("chainlens.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			lock = tryLock(channel);
			if (lock == null) {
				throw new StoreInUse(dataDir);
			}
			long started = System.nanoTime();
			boolean fromTemplate = settings.templateDir() != null && seedLocation != null
					&& new StoreTemplate(settings.templateDir().toAbsolutePath().normalize(), seedLocation)
						.copyInto(dataDir);
			service = new DatabaseManagementServiceBuilder(dataDir).setConfig(BoltConnector.enabled, true)
				.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", settings.boltPort()))
				.setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", settings.boltPort()))
				// Bolt listens on loopback only, so nothing outside this machine can
				// reach it; and it needs a password that only this process knows, so
				// nothing else on the machine can write past the rights and the audit
				// trail.
				.setConfig(GraphDatabaseSettings.auth_enabled, true)
				.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
				.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(settings.pageCache()))
				.setConfig(GraphDatabaseSettings.udc_enabled, false)
				// At a stop the Bolt server waits for new work for a quiet period of 5 s,
				// twice (its two thread groups), before it ends: 10 s of every stop. None
				// can come: the app's driver is closed before the database.
				.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
				.build();
			GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			if (!db.isAvailable(START_TIMEOUT.toMillis())) {
				throw new IllegalStateException("The embedded Neo4j at " + dataDir + " did not become available within "
						+ START_TIMEOUT.toSeconds() + " s; see " + dataDir.resolve("logs"));
			}
			int port = ((GraphDatabaseAPI) db).getDependencyResolver()
				.resolveDependency(ConnectorPortRegister.class)
				.getLocalAddress(ConnectorType.BOLT)
				.getPort();
			URI uri = URI.create("bolt://127.0.0.1:" + port);
			String password = newPassword(service);
			log.info("Embedded Neo4j started in {} ms at {}, store {}{}", (System.nanoTime() - started) / 1_000_000,
					uri, dataDir,
					fromTemplate ? " (copied from the store template " + settings.templateDir() + ")" : "");
			return new EmbeddedNeo4j(dataDir, channel, lock, service, uri, password);
		}
		catch (IOException ex) {
			closeQuietly(service, lock, channel);
			throw new IllegalStateException("Cannot open the Neo4j store at " + dataDir + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(service, lock, channel);
			if (isAddressInUse(ex)) {
				throw new BoltPortInUse(settings.boltPort(), ex);
			}
			throw ex;
		}
	}

	private static boolean isAddressInUse(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof java.net.BindException
					|| (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
				return true;
			}
		}
		return false;
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	public URI boltUri() {
		return boltUri;
	}

	/**
	 * The credentials of this run: a password made at each start and kept in memory only.
	 */
	public AuthToken authToken() {
		return AuthTokens.basic(USER, password);
	}

	/**
	 * Gives the database's user a new random password. The embedded API is not asked for
	 * one, so this works on a new store (default password) and on one started before.
	 */
	private static String newPassword(DatabaseManagementService service) {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
			.executeTransactionally("CREATE OR REPLACE USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
					Map.of("password", password));
		return password;
	}

	public Path dataDir() {
		return dataDir;
	}

	/**
	 * Notes beside the store that it was created with the seed data set at
	 * {@code seedLocation}, which makes it usable as a store template.
	 */
	public void recordSeeded(String seedLocation) {
		StoreTemplate.recordSeeded(dataDir, seedLocation);
	}

	@Override
	public void close() {
		closeQuietly(service, lock, lockChannel);
		log.info("Embedded Neo4j stopped, store {}", dataDir);
	}

	private static void closeQuietly(DatabaseManagementService service, FileLock lock, FileChannel channel) {
		if (service != null) {
			service.shutdown();
		}
		try {
			if (lock != null && lock.isValid()) {
				lock.release();
			}
			if (channel != null) {
				channel.close();
			}
		}
		catch (IOException ex) {
			log.warn("Could not release the store lock: {}", ex.getMessage());
		}
	}

}
