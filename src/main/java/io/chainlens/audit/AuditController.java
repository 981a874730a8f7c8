package io.chainlens.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.chainlens.security.Caller;
import io.chainlens.security.NotAuthenticated;
import io.chainlens.security.NotPermitted;
import io.chainlens.web.BadArgument;
import io.chainlens.web.Connection;
import io.chainlens.web.Cursors;
import io.chainlens.web.GraphQlLimits;
import io.chainlens.web.NotFound;

@Controller
class AuditController {

	private final AuditQueries queries;

	private final GraphQlLimits limits;

	AuditController(AuditQueries queries, GraphQlLimits limits) {
		this.queries = queries;
		this.limits = limits;
	}

	@QueryMapping
	List<Change> changes(@Argument String chainId, @Argument String since, @Argument Integer first) {
		// an explicit null means the schema's default, as when first is left out
		return queries.changes(chainId, since(since), limits.checkFirst(first == null ? 50 : first))
			.orElseThrow(() -> new NotFound("chain", chainId));
	}

	/**
	 * The whole trail, for an ADMIN: the writes of no chain (a company or site no chain's
	 * product is made at, say) are in no chain's {@code changes}.
	 */
	@QueryMapping
	List<Change> allChanges(@Argument String since, @Argument Integer first) {
		admin("allChanges");
		return queries.allChanges(since(since), limits.checkFirst(first == null ? 50 : first));
	}

	private static void admin(String field) {
		Caller caller = Caller.current();
		if (caller.isAnonymous()) {
			throw new NotAuthenticated(field + " needs a login with the role ADMIN; the audit trail of one chain "
					+ "is changes(chainId)");
		}
		if (!caller.isAdmin()) {
			throw new NotPermitted(caller.describe() + " may not read " + field
					+ ": it is for an ADMIN; the audit trail of one chain is changes(chainId)");
		}
	}

	@QueryMapping
	Connection<Change> changesConnection(@Argument String chainId, @Argument String since, @Argument Integer first,
			@Argument String after) {
		return page(chainId, since, first, after).orElseThrow(() -> new NotFound("chain", chainId));
	}

	@QueryMapping
	Connection<Change> allChangesConnection(@Argument String since, @Argument Integer first, @Argument String after) {
		admin("allChangesConnection");
		return page(null, since, first, after).orElseThrow();
	}

	private Optional<Connection<Change>> page(String chainId, String since, Integer first, String after) {
		OffsetDateTime from = since(since);
		int page = limits.checkFirst(first == null ? 20 : first);
		List<String> position = (after == null) ? null : Cursors.decode(after, AuditQueries.list(chainId), 2);
		if (position != null) {
			try {
				OffsetDateTime.parse(position.get(0));
			}
			catch (DateTimeParseException ex) {
				throw new BadArgument("after",
						"is not a cursor of this list: take endCursor or an edge's cursor as given");
			}
		}
		return queries.page(chainId, from, page, position == null ? null : position.get(0),
				position == null ? null : position.get(1));
	}

	/**
	 * A date-time with offset, or a date alone from midnight in the server's zone (a city
	 * government's server runs in its own zone).
	 */
	static OffsetDateTime since(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
			}
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new BadArgument("since",
					"must be an ISO-8601 date or date-time such as 2024-05-01 or 2024-05-01T08:00:00+08:00");
		}
	}

}
