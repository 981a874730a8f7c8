package io.chainlens.pipeline;

import java.time.LocalDate;
import java.util.List;

import org.neo4j.driver.Value;

/**
 * A 招商 lead as read: what the schema's {@code Lead} serves, with the ids of what it links
 * to (read in batches by the controller).
 *
 * @param investment 亿元; null when not known
 * @param created when it was recorded (epoch milliseconds), for the order of pages
 */
public record Lead(String id, String title, String companyId, String ownerUnitId, String ownerLogin, Double investment,
		LeadStage stage, LeadStage droppedFrom, String dropReason, String regionId, String projectId, String source,
		String note, List<String> chainIds, List<Proposed> products, List<Step> history, List<Contact> contacts,
		String nextStep, String nextStepDue, long created) {

	/** A product the lead would make, in the product's canonical unit. */
	public record Proposed(String productId, Double capacity, String unit, String writtenAs, String conversion) {
	}

	/** A stage reached on a date. */
	public record Step(LeadStage stage, String on, String recordedBy, String note) {
	}

	/** A contact with the company. */
	public record Contact(String on, String who, String agreed, String nextStep, String due, String recordedBy) {
	}

	/** The map {@link LeadReads#LEAD} returns, as a record. */
	static Lead of(Value l) {
		return new Lead(l.get("id").asString(), l.get("title").asString(), l.get("companyId").asString(null),
				l.get("ownerUnitId").asString(null), l.get("ownerLogin").asString(""), number(l.get("investment")),
				LeadStage.valueOf(l.get("stage").asString()),
				l.get("droppedFrom").isNull() ? null : LeadStage.valueOf(l.get("droppedFrom").asString()),
				l.get("dropReason").asString(null), l.get("regionId").asString(null), l.get("projectId").asString(null),
				l.get("source").asString(""), l.get("note").asString(null), l.get("chainIds").asList(Value::asString),
				l.get("products")
					.asList(p -> new Proposed(p.get("productId").asString(), number(p.get("capacity")),
							p.get("unit").asString(null), p.get("writtenAs").asString(null),
							p.get("conversion").asString(null))),
				// absent when a list read the lead without its history and contacts
				l.get("history").isNull() ? List.of()
						: l.get("history")
							.asList(s -> new Step(LeadStage.valueOf(s.get("stage").asString()), s.get("on").asString(),
									s.get("recordedBy").asString(""), s.get("note").asString(null))),
				l.get("contacts").isNull() ? List.of()
						: l.get("contacts")
							.asList(c -> new Contact(c.get("on").asString(), c.get("who").asString(),
									c.get("agreed").asString(), c.get("nextStep").asString(null),
									c.get("due").asString(null), c.get("recordedBy").asString(""))),
				l.get("nextStep").asString(null), l.get("nextStepDue").asString(null), l.get("created").asLong(0));
	}

	/**
	 * A lead known by its id only, for an answer that asks for nothing else of it (the
	 * schema's other fields of it are not resolved then).
	 */
	static Lead identifiedBy(String id) {
		return new Lead(id, null, null, null, null, null, null, null, null, null, null, null, null, List.of(),
				List.of(), List.of(), List.of(), null, null, 0);
	}

	/**
	 * A lead is its id: the batch loaders of a request key their maps by leads, and a
	 * record's own hash would walk its products, history and contacts each time.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof Lead lead && id.equals(lead.id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

	/**
	 * The next step is due before today while the lead is still being worked: a property
	 * of the lead, so graphql-java reads it as it reads the others (a handler method per
	 * lead cost a board of 100 leads a hundred invocations).
	 */
	public boolean overdue() {
		return overdue(LocalDate.now());
	}

	/** The next step is due before {@code today} while the lead is still being worked. */
	public boolean overdue(LocalDate today) {
		return nextStepDue != null && stage != LeadStage.PRODUCTION && stage != LeadStage.DROPPED
				&& LocalDate.parse(nextStepDue).isBefore(today);
	}

	private static Double number(Value value) {
		return value.isNull() ? null : value.asDouble();
	}

}
