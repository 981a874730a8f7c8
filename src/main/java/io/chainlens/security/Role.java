package io.chainlens.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a login may do: read, write the chains it leads, work the 招商 leads, or everything.
 */
public enum Role {

	/** Reads (which are open anyway unless configured otherwise). */
	ANALYST,

	/** A chain-leader unit: writes to the chains it leads, and only to them. */
	CHAIN_LEAD,

	/**
	 * The investment-promotion bureau (市商务局, seed §20): reads and writes the 招商 leads of
	 * every chain, and nothing else beyond what everyone reads.
	 */
	INVESTMENT,

	/** Writes everything, including cross-chain facts. */
	ADMIN;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * A role as identity providers write it: any case, with or without the {@code ROLE_}
	 * prefix, {@code chain-lead} or {@code chain_lead}.
	 * @return empty for anything else, so unknown roles grant nothing
	 */
	public static Optional<Role> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		if (name.startsWith("ROLE_")) {
			name = name.substring("ROLE_".length());
		}
		for (Role role : values()) {
			if (role.name().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
