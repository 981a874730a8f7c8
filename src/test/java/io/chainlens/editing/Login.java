package io.chainlens.editing;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The callers of the write tests: the documented demo users, and no login at all. */
public enum Login {

	ANONYMOUS(null, null), ANALYST("analyst", "analyst-demo"), LEAD_RARE_EARTH("lead-rare-earth", "rare-earth-demo"),
	LEAD_PV("lead-pv", "pv-demo"), INVESTMENT("investment", "investment-demo"), ADMIN("admin", "admin-demo");

	public final String user;

	private final String password;

	Login(String user, String password) {
		this.user = user;
		this.password = password;
	}

	/** The tester sending this login's credentials over HTTP Basic. */
	public HttpGraphQlTester as(HttpGraphQlTester tester) {
		return user == null ? tester : tester.mutate().headers(h -> h.setBasicAuth(user, password)).build();
	}

	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
