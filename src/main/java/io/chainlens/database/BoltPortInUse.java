package io.chainlens.database;

/** Another process listens on the embedded database's Bolt port. */
public class BoltPortInUse extends IllegalStateException {

	public BoltPortInUse(int port, Throwable cause) {
		super("The embedded Neo4j cannot listen on 127.0.0.1:" + port
				+ " because another process (another chainlens, or a Neo4j server) already does.", cause);
	}

}
