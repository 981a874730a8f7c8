package io.chainlens.security;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The write rules of chain-leader units: ADMIN writes everything; a CHAIN_LEAD writes
 * facts of the chains it leads; everyone else only reads. Which chains a write touches is
 * the editing feature's business; these rules compare, and say in the refusal which chain
 * was at stake.
 */
public final class WriteRights {

	private WriteRights() {
	}

	/**
	 * Checks that the caller may write at all, for a write whose chain is not known yet.
	 * @throws NotAuthenticated for a caller without a login
	 * @throws NotPermitted for a login without a writing role
	 */
	public static void requireWriter(Caller caller, String operation) {
		if (caller.isAnonymous()) {
			throw new NotAuthenticated(operation + " needs a login: log in (HTTP Basic or a bearer token) as the "
					+ "CHAIN_LEAD of the chain it changes, or as an ADMIN");
		}
		if (!caller.isAdmin() && !caller.roles().contains(Role.CHAIN_LEAD)) {
			throw new NotPermitted(caller.describe() + " may only read; " + operation
					+ " needs the CHAIN_LEAD of the chain it changes, or an ADMIN");
		}
	}

	/**
	 * Checks that the caller leads every chain the write touches.
	 * @param subject what is written, e.g. {@code product 'pv-polysilicon'}
	 * @param chains id → Chinese name of every chain the write touches
	 * @throws NotAuthenticated for a caller without a login
	 * @throws NotPermitted for a login that does not lead every one of the chains
	 */
	public static void requireEvery(Caller caller, String operation, String subject, Map<String, String> chains) {
		requireRole(caller, operation, subject, chains);
		if (caller.isAdmin()) {
			return;
		}
		Map<String, String> others = chains.entrySet()
			.stream()
			.filter(chain -> !caller.leads(chain.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
		if (!others.isEmpty()) {
			throw new NotPermitted(caller.describe() + " may not " + operation + " on " + subject + ": it belongs to "
					+ describe(others) + ", which this login does not lead; ask "
					+ (others.size() == 1 ? "that chain's" : "those chains'") + " lead unit or an ADMIN");
		}
	}

	/**
	 * Checks that the caller leads at least one of the chains: for companies and sites,
	 * which several chains share.
	 */
	public static void requireAny(Caller caller, String operation, String subject, Map<String, String> chains) {
		requireRole(caller, operation, subject, chains);
		if (caller.isAdmin() || chains.keySet().stream().anyMatch(caller::leads)) {
			return;
		}
		throw new NotPermitted(caller.describe() + " may not " + operation + " on " + subject + ": it belongs to "
				+ describe(chains) + ", "
				+ (chains.size() == 1 ? "which this login does not lead" : "none of which this login leads")
				+ "; ask that chain's lead unit or an ADMIN");
	}

	private static void requireRole(Caller caller, String operation, String subject, Map<String, String> chains) {
		if (chains.isEmpty() && !caller.isAdmin()) {
			String rule = operation + " on " + subject + " needs an ADMIN: it belongs to no chain";
			throw caller.isAnonymous() ? new NotAuthenticated(rule + "; log in as an ADMIN")
					: new NotPermitted(caller.describe() + " may not write here; " + rule);
		}
		String who = "the CHAIN_LEAD of " + describe(chains) + " or an ADMIN";
		if (caller.isAnonymous()) {
			throw new NotAuthenticated(operation + " on " + subject + " needs a login: log in (HTTP Basic or a bearer "
					+ "token) as " + who);
		}
		if (!caller.isAdmin() && !caller.roles().contains(Role.CHAIN_LEAD)) {
			throw new NotPermitted(
					caller.describe() + " may only read; " + operation + " on " + subject + " needs " + who);
		}
	}

	private static String describe(Map<String, String> chains) {
		return (chains.size() == 1 ? "chain " : "chains ") + new TreeMap<>(chains).entrySet()
			.stream()
			.map(chain -> chain.getKey() + (chain.getValue() == null ? "" : " (" + chain.getValue() + ")"))
			.collect(Collectors.joining(", "));
	}

}
