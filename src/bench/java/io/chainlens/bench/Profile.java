package io.chainlens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;

import io.chainlens.database.EmbeddedNeo4j;
import io.chainlens.database.Neo4jSettings;

/**
 * PROFILEs Cypher files on a store, for the results' explanations: each query is run a
 * few times (the first plans it) and the last run's plan is printed with rows and db hits
 * per operator.
 *
 * <pre>
 * Profile &lt;store dir&gt;:&lt;page cache&gt; name=value,... file.cypher...
 * </pre>
 *
 * A value {@code a|b} is a list.
 */
public final class Profile {

	private Profile() {
	}

	public static void main(String[] args) throws Exception {
		String[] store = args[0].split(":", 2);
		Map<String, Object> params = new LinkedHashMap<>();
		for (String pair : args[1].split(",")) {
			String[] kv = pair.split("=", 2);
			params.put(kv[0], kv[1].contains("|") ? List.of(kv[1].split("\\|")) : kv[1]);
		}
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new Neo4jSettings(true, Path.of(store[0]), 0, store[1]));
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
			for (int i = 2; i < args.length; i++) {
				String cypher = Files.readString(Path.of(args[i]));
				if (cypher.strip().matches("(?is)^(CREATE|DROP|CALL db\\.await).*")) {
					// a schema command has no plan: it is run once, e.g. to try an index
					try (Session session = driver.session()) {
						session.run(cypher, params).consume();
					}
					System.out.printf("== %s: run%n", args[i]);
					continue;
				}
				ResultSummary summary = null;
				List<org.neo4j.driver.Record> rows = List.of();
				long millis = 0;
				for (int run = 0; run < 4; run++) {
					try (Session session = driver.session()) {
						long t0 = System.nanoTime();
						var result = session.run("PROFILE " + cypher, params);
						rows = result.list();
						summary = result.consume();
						millis = (System.nanoTime() - t0) / 1_000_000;
					}
				}
				// PROFILE's own bookkeeping costs as much as the query: the plain runs say
				// what the query takes
				long[] plain = new long[5];
				for (int run = 0; run < plain.length; run++) {
					try (Session session = driver.session()) {
						long t0 = System.nanoTime();
						session.run(cypher, params).list();
						plain[run] = (System.nanoTime() - t0) / 1_000_000;
					}
				}
				java.util.Arrays.sort(plain);
				System.out.printf("== %s: %d ms profiled, %d db hits in total; without PROFILE %d ms (median of %d, min %d)%n",
						args[i], millis, total(summary.profile()), plain[plain.length / 2], plain.length, plain[0]);
				print(summary.profile(), "");
				// the first rows, to check the answer and to take values for the next file
				rows.stream().limit(3).forEach(row -> System.out.println("row: " + row.asMap()));
			}
		}
	}

	private static long total(ProfiledPlan plan) {
		return plan.dbHits() + plan.children().stream().mapToLong(Profile::total).sum();
	}

	private static void print(ProfiledPlan plan, String indent) {
		String details = plan.arguments().containsKey("Details") ? plan.arguments().get("Details").asString() : "";
		System.out.printf("%s%s rows=%d dbHits=%d %s%n", indent, plan.operatorType(), plan.records(), plan.dbHits(),
				details.length() > 160 ? details.substring(0, 160) + "…" : details);
		plan.children().forEach(child -> print(child, indent + "  "));
	}

}
