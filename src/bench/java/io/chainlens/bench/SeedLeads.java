package io.chainlens.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

import io.chainlens.database.EmbeddedNeo4j;
import io.chainlens.database.Neo4jSettings;

/**
 * Writes the benchmark's 招商 leads (bench/README.md, "Leads") into an imported store, with
 * Cypher through the driver, after the import and before the measured app start (the app
 * must be stopped). Seeded: the same store, count and seed write the same leads. Leads of
 * an earlier run (ids {@code bench-lead-*}) are removed first, so that a reused store
 * holds exactly {@code count} of them.
 *
 * <p>
 * Each lead: a gap product of one of the seven chains (the floor's gaps query: no local
 * operating capacity, or less than the local demand), a second gap product of the same
 * chain for one lead in five; a random company; a random GovUnit as owner; the focus
 * region; a stage drawn evenly from the six, with one LeadStep per stage reached (all of
 * them up to the stage; a dropped lead's up to the stage it was dropped from, then
 * DROPPED) on increasing dates in 2024; for half of the leads still being worked, one
 * contact with a next step due 30 days later. No project, site or capacity line is made
 * for a signed lead (moveLead would make them): the graph's capacities stay those of the
 * import.
 *
 * <pre>
 * SeedLeads &lt;store dir&gt;:&lt;page cache&gt; &lt;count&gt; &lt;seed&gt;
 * </pre>
 */
public final class SeedLeads {

	static final String[] STAGES = { "RESERVE", "PRELIMINARY", "SIGNED", "CONSTRUCTION", "PRODUCTION", "DROPPED" };

	private static final int BATCH = 2_000;

	private static final String LOGIN = "investment";

	private static final String WRITE = """
			UNWIND $leads AS x
			MATCH (c:Company {id: x.company}), (g:GovUnit {id: x.owner}), (r:Region {id: $region})
			CREATE (l:Lead {id: x.id, title: x.title, stage: x.stage, investment: x.investment, ownerLogin: $login,
			                source: x.source, chainIds: x.chainIds, created: x.created, droppedFrom: x.droppedFrom,
			                dropReason: x.dropReason, nextStep: x.nextStep,
			                nextStepDue: CASE WHEN x.due IS NULL THEN null ELSE date(x.due) END})
			CREATE (l)-[:ATTRACTS]->(c), (l)-[:OWNED_BY]->(g), (l)-[:IN_REGION]->(r)
			FOREACH (s IN x.steps | CREATE (l)-[:STEP]->(:LeadStep {stage: s.stage, on: date(s.on), recordedBy: $login,
			                                                         note: s.note, recordedAt: datetime(s.at), seq: s.seq}))
			FOREACH (k IN x.contacts | CREATE (l)-[:CONTACT]->(:LeadContact {on: date(k.on), who: k.who, agreed: k.agreed,
			                                    nextStep: k.nextStep, due: date(k.due), recordedBy: $login,
			                                    recordedAt: datetime(k.at), seq: 1}))
			WITH l, x
			UNWIND x.products AS each
			MATCH (p:Product {id: each.product})
			CREATE (l)-[:PROPOSES {capacity: each.capacity, unit: p.unit, writtenAs: each.writtenAs}]->(p)
			RETURN count(DISTINCT l) AS n""";

	private SeedLeads() {
	}

	/** A gap product: its chains, name, unit and the shortfall when known. */
	record GapProduct(String id, String nameZh, String unit, Double shortfall) {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: SeedLeads <store dir>:<page cache> <count> <seed>");
			System.exit(2);
		}
		String[] store = args[0].split(":", 2);
		int count = Integer.parseInt(args[1]);
		long seed = Long.parseLong(args[2]);
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new Neo4jSettings(true, Path.of(store[0]), 0, store[1]));
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
				Session session = driver.session()) {
			long t0 = System.nanoTime();
			long removed = 0;
			for (long n; (n = session.executeWrite(tx -> tx.run("""
					MATCH (l:Lead) WHERE l.id STARTS WITH 'bench-lead-'
					WITH l LIMIT 2000
					OPTIONAL MATCH (l)-[:STEP|CONTACT]->(x)
					DETACH DELETE x, l
					RETURN count(DISTINCT l) AS n""").single().get("n").asLong())) > 0;) {
				removed += n;
			}
			String region = session.executeRead(
					tx -> tx
						.run("MATCH (r:Region) WHERE r.nameZh = $region OR r.id = $region RETURN r.id AS id",
								Map.of("region", LoadDriver.REGION))
						.single()
						.get("id")
						.asString());

			// the gap products per chain, by the floor's gaps query, in id order
			Map<String, TreeMap<String, GapProduct>> gapsByChain = new LinkedHashMap<>();
			for (String chain : LoadDriver.CHAINS) {
				TreeMap<String, GapProduct> gaps = new TreeMap<>();
				for (Record r : session.executeRead(
						tx -> tx.run(LoadDriver.Floors.GAPS, Map.of("p", chain, "region", LoadDriver.REGION)).list())) {
					Double capacity = r.get("localCapacity").isNull() ? 0.0 : r.get("localCapacity").asDouble();
					double demand = r.get("localDemand").isNull() ? 0.0 : r.get("localDemand").asDouble();
					gaps.put(r.get("product").asString(), new GapProduct(r.get("product").asString(), null,
							r.get("unit").asString(null), demand > capacity ? demand - capacity : null));
				}
				if (!gaps.isEmpty()) {
					gapsByChain.put(chain, gaps);
				}
			}
			Map<String, String> productNames = new HashMap<>();
			Map<String, List<String>> chainsOfProduct = new HashMap<>();
			session.executeRead(tx -> tx.run("""
					MATCH (p:Product)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(ch:Chain)
					RETURN p.id AS id, p.nameZh AS nameZh, collect(DISTINCT ch.id) AS chains""").list()).forEach(r -> {
				productNames.put(r.get("id").asString(), r.get("nameZh").asString());
				chainsOfProduct.put(r.get("id").asString(), r.get("chains").asList(v -> v.asString()));
			});
			List<String[]> companies = session
				.executeRead(tx -> tx.run("MATCH (c:Company) RETURN c.id AS id, c.nameZh AS nameZh ORDER BY id")
					.list(r -> new String[] { r.get("id").asString(), r.get("nameZh").asString("") }));
			List<String> owners = session.executeRead(
					tx -> tx.run("MATCH (g:GovUnit) RETURN g.id AS id ORDER BY id").list(r -> r.get("id").asString()));

			Random random = new Random(seed);
			List<String> chains = List.copyOf(gapsByChain.keySet());
			List<Map<String, Object>> batch = new ArrayList<>();
			long written = 0;
			int[] perStage = new int[STAGES.length];
			for (int i = 1; i <= count; i++) {
				TreeMap<String, GapProduct> gaps = gapsByChain.get(chains.get(random.nextInt(chains.size())));
				List<GapProduct> choice = List.copyOf(gaps.values());
				List<GapProduct> products = new ArrayList<>(List.of(choice.get(random.nextInt(choice.size()))));
				if (choice.size() > 1 && random.nextInt(5) == 0) {
					GapProduct second = choice.get(random.nextInt(choice.size()));
					if (!second.id().equals(products.get(0).id())) {
						products.add(second);
					}
				}
				String[] company = companies.get(random.nextInt(companies.size()));
				int stage = random.nextInt(STAGES.length);
				perStage[stage]++;
				batch.add(lead(i, seed, random, stage, company, owners.get(random.nextInt(owners.size())), products,
						productNames, chainsOfProduct));
				if (batch.size() == BATCH || i == count) {
					List<Map<String, Object>> leads = List.copyOf(batch);
					written += session
						.executeWrite(tx -> tx.run(WRITE, Map.of("leads", leads, "region", region, "login", LOGIN))
							.single()
							.get("n")
							.asLong());
					batch.clear();
				}
			}
			// the days the leads reached each stage, as the app's writes set them
			session.executeWrite(tx -> tx.run(io.chainlens.pipeline.LeadReads.REACHED_ON,
					java.util.Collections.singletonMap("id", null)).consume());
			long steps = session.executeRead(tx -> tx
				.run("MATCH (l:Lead)-[:STEP]->(s) WHERE l.id STARTS WITH 'bench-lead-' RETURN count(s) AS n")
				.single()
				.get("n")
				.asLong());
			StringBuilder stages = new StringBuilder();
			for (int s = 0; s < STAGES.length; s++) {
				stages.append(s == 0 ? "" : ", ").append(STAGES[s]).append(' ').append(perStage[s]);
			}
			long products = gapsByChain.values().stream().mapToLong(TreeMap::size).sum();
			System.out.printf(Locale.ROOT,
					"Leads written: %d (seed %d; %s), %d steps, on %d gap products of %d chains, region %s, "
							+ "in %.1f s (%d earlier bench leads removed)%n",
					written, seed, stages, steps, products, chains.size(), region, (System.nanoTime() - t0) / 1e9,
					removed);
			if (written != count) {
				System.err
					.println("wrote " + written + " leads of " + count + ": a company, owner or product was not found");
				System.exit(1);
			}
		}
	}

	private static Map<String, Object> lead(int i, long seed, Random random, int stage, String[] company, String owner,
			List<GapProduct> products, Map<String, String> productNames, Map<String, List<String>> chainsOfProduct) {
		boolean dropped = STAGES[stage].equals("DROPPED");
		// the stages reached: all up to the stage (a dropped lead: up to the one it was
		// dropped from, which is before PRODUCTION), then DROPPED
		int droppedFrom = dropped ? random.nextInt(4) : -1;
		int reached = dropped ? droppedFrom + 2 : stage + 1;
		TreeSet<Integer> days = new TreeSet<>();
		while (days.size() < reached + 1) {
			days.add(random.nextInt(366)); // 2024 is a leap year; one day more for a
											// contact
		}
		List<LocalDate> dates = days.stream().map(d -> LocalDate.of(2024, 1, 1).plusDays(d)).toList();
		List<Map<String, Object>> steps = new ArrayList<>();
		for (int s = 0; s < reached; s++) {
			String name = dropped && s == reached - 1 ? "DROPPED" : STAGES[s];
			Map<String, Object> step = new HashMap<>();
			step.put("stage", name);
			step.put("on", dates.get(s).toString());
			step.put("at", dates.get(s).atTime(10, 0).atOffset(ZoneOffset.ofHours(8)).toString());
			step.put("seq", s + 1);
			step.put("note", name.equals("DROPPED") ? "bench: 企业投资计划调整" : null);
			steps.add(step);
		}
		Map<String, Object> lead = new HashMap<>();
		String id = String.format(Locale.ROOT, "bench-lead-%05d", i);
		List<Map<String, Object>> proposed = new ArrayList<>();
		TreeSet<String> chainIds = new TreeSet<>();
		StringBuilder title = new StringBuilder(company[1].length() > 6 ? company[1].substring(0, 6) : company[1]);
		for (GapProduct p : products) {
			Double capacity = null;
			if (random.nextInt(10) != 0) {
				// a share of the shortfall when there is one, else a figure of the
				// product's scale
				double figure = p.shortfall() != null ? p.shortfall() * (0.1 + 0.5 * random.nextDouble())
						: 1 + 99 * random.nextDouble();
				capacity = Math.round(figure * 10) / 10.0;
			}
			Map<String, Object> each = new HashMap<>();
			each.put("product", p.id());
			each.put("capacity", capacity);
			each.put("writtenAs", capacity == null ? null : capacity + " " + p.unit());
			proposed.add(each);
			chainIds.addAll(chainsOfProduct.getOrDefault(p.id(), List.of()));
			title.append(' ')
				.append(capacity == null ? "" : capacity + p.unit() + " ")
				.append(productNames.getOrDefault(p.id(), p.id()));
		}
		title.append("项目");
		lead.put("id", id);
		lead.put("title", title.toString());
		lead.put("stage", STAGES[stage]);
		lead.put("investment",
				random.nextInt(10) == 0 ? null : Math.round((0.5 + 80 * Math.pow(random.nextDouble(), 3)) * 10) / 10.0);
		lead.put("source", "bench: generated lead (seed " + seed + ")");
		lead.put("chainIds", List.copyOf(chainIds));
		// recorded on the first step's day, one second apart: the order of the pages
		lead.put("created", dates.get(0).atTime(1, 0).toInstant(ZoneOffset.UTC).toEpochMilli() + i * 1000L);
		lead.put("droppedFrom", dropped ? STAGES[droppedFrom] : null);
		lead.put("dropReason", dropped ? "bench: 企业投资计划调整" : null);
		lead.put("company", company[0]);
		lead.put("owner", owner);
		lead.put("steps", steps);
		lead.put("products", proposed);
		List<Map<String, Object>> contacts = new ArrayList<>();
		boolean worked = !dropped && !STAGES[stage].equals("PRODUCTION");
		if (worked && random.nextBoolean()) {
			LocalDate on = dates.get(reached);
			Map<String, Object> contact = new HashMap<>();
			contact.put("on", on.toString());
			contact.put("at", on.atTime(16, 0).atOffset(ZoneOffset.ofHours(8)).toString());
			contact.put("who", "市投资促进中心 / 公司副总");
			contact.put("agreed", "bench: 约定下一轮洽谈");
			contact.put("nextStep", "提交项目可行性研究报告");
			contact.put("due", on.plusDays(30).toString());
			contacts.add(contact);
			lead.put("nextStep", contact.get("nextStep"));
			lead.put("due", contact.get("due"));
		}
		else {
			lead.put("nextStep", null);
			lead.put("due", null);
		}
		lead.put("contacts", contacts);
		return lead;
	}

}
