package io.chainlens.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.kernel.internal.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

/**
 * A store that the build made once with the schema and the seed graph in it (pom.xml, the
 * training run of {@code target/app}), copied into a new data directory instead of
 * creating Neo4j's databases and loading the seed through Cypher, which in a cold JVM
 * takes most of a first start. It is used only for a directory that holds no store yet,
 * and only when it was made from the very schema, seed and Neo4j version this app would
 * load (its fingerprint); otherwise the store is created and loaded as without it.
 *
 * @param dir the template: a data directory of the embedded database
 * @param seedLocation the seed data set this app loads into an empty store
 */
record StoreTemplate(Path dir, String seedLocation) {

	private static final Logger log = LoggerFactory.getLogger(StoreTemplate.class);

	/** Beside a store: the fingerprint of what it was created with. */
	static final String FINGERPRINT_FILE = "seeded-from.sha256";

	private static final String STORE = "data";

	/**
	 * What a store created now would hold: the Neo4j version, the schema and seed Cypher
	 * and the seed data set.
	 */
	static String fingerprint(String seedLocation) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			add(digest, "neo4j", Version.getNeo4jVersion().getBytes(StandardCharsets.UTF_8));
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			Map<String, Resource> files = new TreeMap<>();
			for (String folder : new String[] { "cypher/schema", "cypher/seed" }) {
				for (Resource resource : resolver.getResources("classpath*:" + folder + "/*.cypher")) {
					files.put(folder + "/" + resource.getFilename(), resource);
				}
			}
			SeedFiles.find(seedLocation).forEach((name, resource) -> files.put("seed/" + name, resource));
			for (Map.Entry<String, Resource> file : files.entrySet()) {
				add(digest, file.getKey(), file.getValue().getContentAsByteArray());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the schema or seed files", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void add(MessageDigest digest, String name, byte[] content) {
		digest.update(name.getBytes(StandardCharsets.UTF_8));
		digest.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
		digest.update(content);
	}

	/** Notes in a data directory that its store was created with the current seed. */
	static void recordSeeded(Path dataDir, String seedLocation) {
		try {
			Files.writeString(dataDir.resolve(FINGERPRINT_FILE), fingerprint(seedLocation) + "\n");
		}
		catch (IOException ex) {
			// only a later template use depends on it
			log.warn("Could not note the seed's fingerprint in {}: {}", dataDir, ex.getMessage());
		}
	}

	/**
	 * Copies the template's store into {@code dataDir} when that holds none yet.
	 * @return whether it did
	 */
	boolean copyInto(Path dataDir) throws IOException {
		Path target = dataDir.resolve(STORE);
		Path source = dir.resolve(STORE);
		if (Files.exists(target)) {
			return false;
		}
		Path fingerprintFile = dir.resolve(FINGERPRINT_FILE);
		if (!Files.isDirectory(source) || !Files.isRegularFile(fingerprintFile)) {
			log.info("No store template at {}; the store is created and the seed loaded", dir);
			return false;
		}
		if (!Files.readString(fingerprintFile).strip().equals(fingerprint(seedLocation))) {
			log.info("The store template at {} was made from another schema, seed or Neo4j version; "
					+ "the store is created and the seed loaded", dir);
			return false;
		}
		// a copy cut short stays under another name, so it is never taken for a store
		Path partial = dataDir.resolve(STORE + ".copying");
		FileSystemUtils.deleteRecursively(partial);
		FileSystemUtils.copyRecursively(source, partial);
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		Files.copy(fingerprintFile, dataDir.resolve(FINGERPRINT_FILE), StandardCopyOption.REPLACE_EXISTING);
		return true;
	}

}
