package io.chainlens.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may see and work the 招商 leads. Leads are negotiating positions, so they are closed
 * even where the graph's reads are open: the INVESTMENT role (市商务局, seed §20) and an
 * ADMIN read and write every lead; a CHAIN_LEAD those of the chains it leads; an ANALYST
 * sees how many leads a chain has at each stage, never names or amounts; an anonymous
 * caller sees nothing.
 */
public final class LeadRights {

	private LeadRights() {
	}

	/** True for a caller who reads and writes the leads of every chain. */
	public static boolean readsAll(Caller caller) {
		return caller.isAdmin() || caller.roles().contains(Role.INVESTMENT);
	}

	/**
	 * True when the caller may read a lead of these chains (a lead spanning several
	 * chains is read by the lead unit of any of them).
	 */
	public static boolean mayRead(Caller caller, Collection<String> chainIds) {
		return readsAll(caller) || chainIds.stream().anyMatch(caller::leads);
	}

	/** The chains whose leads a CHAIN_LEAD reads; every chain for {@link #readsAll}. */
	public static Set<String> readableChains(Caller caller) {
		return caller.roles().contains(Role.CHAIN_LEAD) ? new TreeSet<>(caller.chains()) : Set.of();
	}

	/**
	 * Checks that the caller may read lead names and amounts at all.
	 * @throws NotAuthenticated for a caller without a login
	 * @throws NotPermitted for a login that may see counts only
	 */
	public static void requireReader(Caller caller, String operation) {
		if (caller.isAnonymous()) {
			throw new NotAuthenticated(operation + " needs a login: leads are confidential; log in with the role "
					+ "INVESTMENT, as the CHAIN_LEAD of the chain, or as an ADMIN");
		}
		if (!readsAll(caller) && !caller.roles().contains(Role.CHAIN_LEAD)) {
			throw new NotPermitted(caller.describe() + " may not read leads (" + operation
					+ "): they are for the INVESTMENT role, the chain's CHAIN_LEAD or an ADMIN; leadCounts gives "
					+ "the number per chain and stage");
		}
	}

	/**
	 * Checks that the caller may read the leads of one chain, or of every chain it may
	 * (chainId null).
	 */
	public static void requireReader(Caller caller, String operation, String chainId) {
		requireReader(caller, operation);
		if (chainId != null && !readsAll(caller) && !caller.leads(chainId)) {
			throw new NotPermitted(caller.describe() + " may not read the leads of chain " + chainId + " (" + operation
					+ "): only those of the chains it leads");
		}
	}

	/**
	 * Checks that the caller may see counts of leads.
	 * @throws NotAuthenticated for a caller without a login
	 */
	public static void requireCounter(Caller caller, String operation) {
		if (caller.isAnonymous()) {
			throw new NotAuthenticated(operation + " needs a login: leads are confidential");
		}
		if (caller.roles().isEmpty()) {
			throw new NotPermitted(caller.describe() + " may not read leads (" + operation + ")");
		}
	}

	/**
	 * Checks that the caller may write a lead of these chains: INVESTMENT and ADMIN every
	 * lead, a CHAIN_LEAD those of which it leads every chain.
	 * @param chains id → Chinese name of the chains of the lead's products
	 */
	public static void requireWriter(Caller caller, String operation, String subject, Map<String, String> chains) {
		if (caller.isAnonymous()) {
			throw new NotAuthenticated(operation + " on " + subject + " needs a login: log in with the role "
					+ "INVESTMENT, as the CHAIN_LEAD of its chains, or as an ADMIN");
		}
		if (readsAll(caller)) {
			return;
		}
		if (!caller.roles().contains(Role.CHAIN_LEAD)) {
			throw new NotPermitted(caller.describe() + " may not " + operation + " on " + subject
					+ ": leads are written by the INVESTMENT role, the chain's CHAIN_LEAD or an ADMIN");
		}
		WriteRights.requireEvery(caller, operation, subject, chains);
	}

	/**
	 * Checks that the caller may ask for the PIPELINE scenario, which sums the capacities
	 * of leads in talks: those who may read the leads of the chain asked about (of every
	 * chain when {@code chainId} is null).
	 */
	public static void requirePipelineScenario(Caller caller, String chainId) {
		String operation = "the PIPELINE scenario";
		requireReader(caller, operation);
		if (readsAll(caller)) {
			return;
		}
		if (chainId == null) {
			throw new NotPermitted(caller.describe() + " may ask for " + operation
					+ " only of a chain it leads: name the chain (chainId)");
		}
		if (!caller.leads(chainId)) {
			throw new NotPermitted(caller.describe() + " may not ask for " + operation + " of chain " + chainId
					+ ": only of the chains it leads");
		}
	}

}
