package io.chainlens.editing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import io.chainlens.SeedSharingWrites;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes of the same thing at the same moment, released together by a latch: each locks
 * what it changes before it reads what it checks and audits, so they run one after the
 * other, a project never moves backwards, each audit record's "before" is the value the
 * write replaced, and the loser of a race for an id is told which id.
 */
class ConcurrentWritesTest extends SeedSharingWrites {

	private static final String SOURCE = "estimate: concurrent writes test";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	@AfterAll
	void stopThreads() {
		threads.shutdownNow();
	}

	@Test
	void twoStatusChangesAtOnceNeverMoveAProjectBackwards() throws Exception {
		for (int trial = 0; trial < 10; trial++) {
			String id = "concurrent-status-" + trial;
			graph.write("""
					MATCH (p:Product {id: 'pv-polysilicon'})
					CREATE (pr:Project {id: $id, nameZh: '并发项目', name: 'Concurrent project', status: 'PLANNED',
					                    source: $source})-[:FOR_PRODUCT]->(p)""", Map.of("id", id, "source", SOURCE));

			List<GraphQlTester.Response> answers = atOnce(List.of("OPERATING", "UNDER_CONSTRUCTION"),
					status -> Login.LEAD_PV.as(graphQl)
						.documentName("changeProjectStatus")
						.variable("input", map("id", id, "status", status, "source", SOURCE))
						.execute());

			assertThat(status(id)).as("trial %d: the status after both", trial).isEqualTo("OPERATING");
			List<Map<String, Object>> changes = graph.rows("""
					MATCH (c:Change {operation: 'changeProjectStatus', entityId: $id})
					RETURN c.before AS before, c.after AS after""", Map.of("id", id));
			assertThat(changes).as("trial %d: one change per write that succeeded", trial)
				.hasSize((int) answers.stream().filter(ConcurrentWritesTest::succeeded).count());
			// the audit records chain: each starts from where another ended, or from
			// PLANNED
			List<String> froms = new ArrayList<>();
			List<String> tos = new ArrayList<>();
			changes.forEach(change -> {
				froms.add(field(change.get("before"), "status"));
				tos.add(field(change.get("after"), "status"));
			});
			List<String> expectedFroms = new ArrayList<>(tos);
			expectedFroms.add("PLANNED");
			expectedFroms.remove("OPERATING");
			assertThat(froms).as("trial %d: the statuses the changes were audited from", trial)
				.containsExactlyInAnyOrderElementsOf(expectedFroms);
		}
	}

	@Test
	void capacityWritesAtOnceAuditTheValueEachReplaced() throws Exception {
		List<Double> values = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
		String line = "tongwei-kundulun/pv-polysilicon/PLANNED";
		double initial = capacityOf(line);

		atOnce(values,
				value -> Login.LEAD_PV.as(graphQl)
					.documentName("setCapacity")
					.variable("input",
							map("companyId", "tongwei", "productId", "pv-polysilicon", "region", "baotou-kundulun",
									"capacity", value, "unit", "万t", "status", "PLANNED", "source", SOURCE))
					.execute()
					.path("setCapacity.capacity")
					.entity(Double.class)
					.get());

		Map<Double, Double> next = new HashMap<>();
		graph.rows("""
				MATCH (c:Change {operation: 'setCapacity', entityId: $line, source: $source})
				RETURN c.before AS before, c.after AS after""", Map.of("line", line, "source", SOURCE))
			.forEach(change -> {
				Double previous = next.put(capacity(change.get("before")), capacity(change.get("after")));
				assertThat(previous).as("two writes audited as replacing %s", change.get("before")).isNull();
			});
		// from the value before, each record's "after" is the next one's "before",
		// through all of them
		double at = initial;
		for (int i = 0; i < values.size(); i++) {
			assertThat(next).as("the change that replaced %s", at).containsKey(at);
			at = next.get(at);
		}
		assertThat(at).as("the last value audited is the value stored").isEqualTo(capacityOf(line));
	}

	@Test
	void theLoserOfARaceForACompanyIdIsToldTheIdIsTaken() throws Exception {
		for (int trial = 0; trial < 10; trial++) {
			String id = "concurrent-company-" + trial;
			List<GraphQlTester.Response> answers = atOnce(List.of("甲", "乙"),
					name -> Login.LEAD_PV.as(graphQl)
						.documentName("createCompany")
						.variable("input",
								map("id", id, "nameZh", "并发公司" + name, "name", "Concurrent Co", "source", SOURCE))
						.execute());

			assertThat(answers.stream().filter(ConcurrentWritesTest::succeeded)).as("trial %d", trial).hasSize(1);
			GraphQlTester.Response loser = answers.stream().filter(a -> !succeeded(a)).findFirst().orElseThrow();
			loser.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).startsWith("Argument 'id' '" + id + "'");
			}));
			assertThat(graph.count("MATCH (c:Company) WHERE c.id = '" + id + "' RETURN count(c)")).isOne();
		}
	}

	/** Runs the request for every value in threads released at one moment. */
	private <T, R> List<R> atOnce(List<T> values, Function<T, R> request) throws Exception {
		CountDownLatch ready = new CountDownLatch(values.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<R>> futures = new ArrayList<>();
		for (T value : values) {
			futures.add(threads.submit(() -> {
				ready.countDown();
				go.await();
				return request.apply(value);
			}));
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		List<R> results = new ArrayList<>();
		for (Future<R> future : futures) {
			results.add(future.get(60, TimeUnit.SECONDS));
		}
		graph.changed();
		return results;
	}

	private static boolean succeeded(GraphQlTester.Response response) {
		List<ResponseError> errors = new ArrayList<>();
		response.errors().satisfy(errors::addAll);
		return errors.isEmpty();
	}

	private String status(String projectId) {
		return (String) graph.rows("MATCH (pr:Project {id: $id}) RETURN pr.status AS status", Map.of("id", projectId))
			.get(0)
			.get("status");
	}

	private double capacityOf(String line) {
		String[] key = line.split("/");
		List<Map<String, Object>> rows = graph.rows("""
				MATCH (:Site {id: $site})-[m:MAKES {status: $status}]->(:Product {id: $product})
				RETURN m.capacity AS capacity""", Map.of("site", key[0], "product", key[1], "status", key[2]));
		return rows.isEmpty() ? -1 : (Double) rows.get(0).get("capacity");
	}

	private static Double capacity(Object json) {
		return json == null ? -1.0 : JSON.readTree((String) json).get("capacity").asDouble();
	}

	private static String field(Object json, String name) {
		return JSON.readTree((String) json).get(name).asString();
	}

	private static Map<String, Object> map(Object... namesAndValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

}
