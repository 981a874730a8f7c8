package io.chainlens.database;

import java.nio.file.Path;

/** Another process has the embedded store open. */
public class StoreInUse extends IllegalStateException {

	public StoreInUse(Path dataDir) {
		super("The Neo4j store at " + dataDir + " is in use by another process (another chainlens or Neo4j). "
				+ "Stop it, or start this one with another chainlens.neo4j.data-dir.");
	}

}
