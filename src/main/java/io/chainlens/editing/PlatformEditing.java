package io.chainlens.editing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.audit.AuditTrail;
import io.chainlens.audit.Written;
import io.chainlens.editing.Inputs.NewPlatform;
import io.chainlens.editing.Inputs.PlatformUpdate;
import io.chainlens.editing.Lookups.RegionRef;
import io.chainlens.security.Caller;
import io.chainlens.security.WriteRights;
import io.chainlens.seed.Formats;
import io.chainlens.web.BadArgument;
import io.chainlens.web.NotFound;

import static io.chainlens.editing.Lookups.appendSource;
import static io.chainlens.editing.Lookups.params;
import static io.chainlens.editing.Lookups.relink;

/**
 * Innovation platforms. A platform belongs to the chains it supports, directly or through
 * a segment; a chain lead changes it only when it leads all of them, before and after the
 * change, so a platform shared by several chains is an ADMIN's.
 */
@Service
class PlatformEditing {

	static final String CREATE = "createPlatform";

	static final String UPDATE = "updatePlatform";

	private static final String SNAPSHOT = """
			MATCH (pl:Platform {id: $id})
			RETURN pl {.*, operatorIds: COLLECT { MATCH (pl)-[:OPERATED_BY]->(o) RETURN o.id ORDER BY o.id },
			           chainIds: COLLECT { MATCH (pl)-[:SUPPORTS]->(c:Chain) RETURN c.id ORDER BY c.id },
			           segmentIds: COLLECT { MATCH (pl)-[:SUPPORTS]->(s:Segment) RETURN s.id ORDER BY s.id },
			           region: COLLECT { MATCH (pl)-[:IN_REGION]->(r) RETURN r.id }[0],
			           item: COLLECT { MATCH (pl)-[:UNDER_ITEM]->(i) RETURN i.number }[0]} AS snapshot""";

	/** Replaces the links that are given ($chainIds…), keeps the others. */
	private static final String LINKS = "MATCH (pl:Platform {id: $id})\n"
			+ relink("pl", "SUPPORTS", "(:Chain)", "chainIds", true, "(t:Chain {id: each})")
			+ relink("pl", "SUPPORTS", "(:Segment)", "segmentIds", true, "(t:Segment {id: each})")
			+ relink("pl", "OPERATED_BY", "()", "operatorIds", true,
					"(t) WHERE (t:Company OR t:Institution) AND t.id = each")
			+ relink("pl", "IN_REGION", "()", "regionId", false, "(t:Region {id: $regionId})")
			+ relink("pl", "UNDER_ITEM", "()", "item", false, "(t:PolicyItem {number: $item})");

	private final Lookups lookups;

	private final AuditTrail audit;

	PlatformEditing(Lookups lookups, AuditTrail audit) {
		this.lookups = lookups;
		this.audit = audit;
	}

	/** The checked fields of a platform input; null is "not given". */
	private record Fields(String nameZh, String name, String kind, List<String> chainIds, List<String> segmentIds,
			List<String> operatorIds, String region, Status status, Integer item, String source, String note) {

		static Fields of(String nameZh, String name, String kind, List<String> chainIds, List<String> segmentIds,
				List<String> operatorIds, String region, Status status, Integer item, String source, String note) {
			String checkedKind = Check.optionalText("kind", kind, Check.UNIT);
			if (checkedKind != null && !Formats.PLATFORM_KINDS.contains(checkedKind)) {
				throw new BadArgument("kind", "must be one of " + Formats.PLATFORM_KINDS.stream().sorted().toList());
			}
			return new Fields(Check.optionalText("nameZh", nameZh, Check.NAME),
					Check.optionalText("name", name, Check.NAME), checkedKind, Check.ids("chainIds", chainIds, false),
					Check.ids("segmentIds", segmentIds, false), Check.ids("operatorIds", operatorIds, false),
					Check.optionalText("region", region, Check.NAME), status, Check.item(item), Check.source(source),
					Check.optionalNote(note));
		}

		boolean changesSomething() {
			return Stream.of(nameZh, name, kind, chainIds, segmentIds, operatorIds, region, status, item, note)
				.anyMatch(Objects::nonNull);
		}

		/** Looks up what the fields name; returns the chains they support. */
		Map<String, String> lookUp(Lookups lookups) {
			Map<String, String> chains = new TreeMap<>();
			if (chainIds != null) {
				chains.putAll(lookups.chains("chainIds", chainIds));
			}
			if (segmentIds != null) {
				chains.putAll(lookups.chainsOfSegments("segmentIds", segmentIds));
			}
			if (operatorIds != null) {
				lookups.requireOperators("operatorIds", operatorIds);
			}
			lookups.requireItem(item);
			return chains;
		}

		Map<String, Object> parameters(String id, RegionRef regionRef) {
			return params("id", id, "nameZh", nameZh, "name", name, "kind", kind, "status",
					status == null ? null : status.name(), "source", source, "note", note, "chainIds", chainIds,
					"segmentIds", segmentIds, "operatorIds", operatorIds, "regionId",
					regionRef == null ? null : regionRef.id(), "item", item);
		}

	}

	@Transactional
	String createPlatform(Caller caller, NewPlatform in) {
		Fields fields = Fields.of(Check.text("nameZh", in.nameZh(), Check.NAME),
				Check.text("name", in.name(), Check.NAME), Check.text("kind", in.kind(), Check.UNIT), in.chainIds(),
				in.segmentIds(), in.operatorIds(), in.region(), in.status(), in.item(), in.source(), in.note());
		String id = in.id() != null ? Check.id("id", in.id()) : Check.slug(fields.name());
		if (id == null) {
			throw new BadArgument("id", "is required when the English name has no Latin letters to make it from");
		}
		if (isEmpty(fields.chainIds()) && isEmpty(fields.segmentIds())) {
			throw new BadArgument("chainIds", "or segmentIds must name what the platform supports");
		}

		Map<String, String> chains = fields.lookUp(lookups);
		RegionRef region = lookups.optionalRegion("region", fields.region());
		WriteRights.requireEvery(caller, CREATE, "platform '" + id + "'", chains);
		if (lookups.exists("Platform", id)) {
			throw new BadArgument("id",
					"'" + id + "' is a platform already; change it with updatePlatform or " + "choose another id");
		}
		Map<String, Object> parameters = fields.parameters(id, region);
		lookups.write("""
				CREATE (pl:Platform {id: $id, nameZh: $nameZh, name: $name, kind: $kind, status: $status,
				                     source: $source, note: $note})""", parameters);
		lookups.write(LINKS, parameters);
		audit.record(caller, CREATE, fields.source(),
				new Written("Platform", id, null, lookups.snapshot(SNAPSHOT, params("id", id)), chains.keySet()));
		return id;
	}

	@Transactional
	String updatePlatform(Caller caller, PlatformUpdate in) {
		String id = Check.id("id", in.id());
		Fields fields = Fields.of(in.nameZh(), in.name(), in.kind(), in.chainIds(), in.segmentIds(), in.operatorIds(),
				in.region(), in.status(), in.item(), in.source(), in.note());
		if (!fields.changesSomething()) {
			throw new BadArgument("input", "changes nothing: give the fields to change");
		}

		lookups.lock("Platform", id);
		Map<String, Object> before = lookups.snapshot(SNAPSHOT, params("id", id));
		if (before == null) {
			throw new NotFound("platform", id);
		}
		@SuppressWarnings("unchecked")
		List<String> chainIds = fields.chainIds() != null ? fields.chainIds() : (List<String>) before.get("chainIds");
		@SuppressWarnings("unchecked")
		List<String> segmentIds = fields.segmentIds() != null ? fields.segmentIds()
				: (List<String>) before.get("segmentIds");
		if (chainIds.isEmpty() && segmentIds.isEmpty()) {
			throw new BadArgument("chainIds", "or segmentIds must leave the platform supporting something");
		}
		@SuppressWarnings("unchecked")
		Map<String, String> chains = new TreeMap<>(lookups.chains("chainIds", (List<String>) before.get("chainIds")));
		@SuppressWarnings("unchecked")
		List<String> oldSegments = (List<String>) before.get("segmentIds");
		chains.putAll(lookups.chainsOfSegments("segmentIds", oldSegments));
		chains.putAll(fields.lookUp(lookups));
		RegionRef region = lookups.optionalRegion("region", fields.region());
		WriteRights.requireEvery(caller, UPDATE, "platform '" + id + "'", chains);

		lookups.write("""
				MATCH (pl:Platform {id: $id})
				SET pl.nameZh = coalesce($nameZh, pl.nameZh), pl.name = coalesce($name, pl.name),
				    pl.kind = coalesce($kind, pl.kind), pl.status = coalesce($status, pl.status),
				    pl.note = coalesce($note, pl.note), %s""".formatted(appendSource("pl")),
				fields.parameters(id, region));
		lookups.write(LINKS, fields.parameters(id, region));
		audit.record(caller, UPDATE, fields.source(),
				new Written("Platform", id, before, lookups.snapshot(SNAPSHOT, params("id", id)), chains.keySet()));
		return id;
	}

	private static boolean isEmpty(List<String> ids) {
		return ids == null || ids.isEmpty();
	}

}
