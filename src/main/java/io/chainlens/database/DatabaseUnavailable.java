package io.chainlens.database;

/** The database could not be reached or would not let the app in. */
public class DatabaseUnavailable extends IllegalStateException {

	private final String action;

	DatabaseUnavailable(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/** What the user should check. */
	public String action() {
		return action;
	}

}
