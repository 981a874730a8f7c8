package io.chainlens.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.chainlens.chain.Target;
import io.chainlens.chain.TargetLookup;
import io.chainlens.company.Company;
import io.chainlens.company.CompanyReads;
import io.chainlens.company.Platform;
import io.chainlens.company.Production;
import io.chainlens.company.Project;
import io.chainlens.company.Site;
import io.chainlens.company.SupplyLink;
import io.chainlens.editing.Inputs.CapacityInput;
import io.chainlens.editing.Inputs.CompanyUpdate;
import io.chainlens.editing.Inputs.LeadContactInput;
import io.chainlens.editing.Inputs.LeadDrop;
import io.chainlens.editing.Inputs.LeadMove;
import io.chainlens.editing.Inputs.NewLead;
import io.chainlens.editing.Inputs.NewCompany;
import io.chainlens.editing.Inputs.NewPlatform;
import io.chainlens.editing.Inputs.NewProject;
import io.chainlens.editing.Inputs.NewSite;
import io.chainlens.editing.Inputs.PlatformUpdate;
import io.chainlens.editing.Inputs.ProjectStatusChange;
import io.chainlens.editing.Inputs.ProjectUpdate;
import io.chainlens.editing.Inputs.SupplyLinkInput;
import io.chainlens.editing.Inputs.TargetInput;
import io.chainlens.pipeline.Lead;
import io.chainlens.pipeline.LeadReads;
import io.chainlens.security.Caller;
import io.chainlens.security.NotAuthenticated;
import io.chainlens.security.NotPermitted;
import io.chainlens.web.BadArgument;
import io.chainlens.web.NotFound;

/**
 * The mutations. Each runs one service call (one transaction, run again when the store
 * rolls it back for a transient reason: {@link TransientRetry}) and answers with what was
 * written, read back after the commit. A refused write is logged with who, which
 * operation, the ids it named and why; never the rest of the payload, and never
 * credentials, which do not reach this layer.
 */
@Controller
class EditingController {

	private static final Logger log = LoggerFactory.getLogger(EditingController.class);

	private static final String UNIQUENESS = "Neo.ClientError.Schema.ConstraintValidationFailed";

	private final CapacityEditing capacities;

	private final CompanyEditing companies;

	private final ProjectEditing projects;

	private final PlatformEditing platforms;

	private final TargetEditing targets;

	private final SupplyEditing supplies;

	private final CompanyReads reads;

	private final TargetLookup targetLookup;

	private final LeadEditing leads;

	private final LeadReads leadReads;

	EditingController(CapacityEditing capacities, CompanyEditing companies, ProjectEditing projects,
			PlatformEditing platforms, TargetEditing targets, SupplyEditing supplies, CompanyReads reads,
			TargetLookup targetLookup, LeadEditing leads, LeadReads leadReads) {
		this.leads = leads;
		this.leadReads = leadReads;
		this.capacities = capacities;
		this.companies = companies;
		this.projects = projects;
		this.platforms = platforms;
		this.targets = targets;
		this.supplies = supplies;
		this.reads = reads;
		this.targetLookup = targetLookup;
	}

	@MutationMapping
	Production setCapacity(@Argument CapacityInput input) {
		CapacityEditing.Key key = write(CapacityEditing.OPERATION,
				ids("companyId", input.companyId(), "productId", input.productId(), "siteId", input.siteId()), "siteId",
				input.siteId(), caller -> capacities.setCapacity(caller, input));
		return reads.production(key.siteId(), key.productId(), key.status()).orElseThrow();
	}

	@MutationMapping
	Company createCompany(@Argument NewCompany input) {
		String id = write(CompanyEditing.CREATE, ids("id", input.id(), "chainId", input.chainId()), "id", input.id(),
				caller -> companies.createCompany(caller, input));
		return reads.company(id).orElseThrow();
	}

	@MutationMapping
	Company updateCompany(@Argument CompanyUpdate input) {
		String id = write(CompanyEditing.UPDATE, ids("id", input.id()),
				caller -> companies.updateCompany(caller, input));
		return reads.company(id).orElseThrow();
	}

	@MutationMapping
	Site createSite(@Argument NewSite input) {
		String id = write(CompanyEditing.CREATE_SITE, ids("companyId", input.companyId(), "id", input.id()), "id",
				input.id(), caller -> companies.createSite(caller, input));
		return reads.site(id).orElseThrow();
	}

	@MutationMapping
	Project createProject(@Argument NewProject input) {
		String id = write(ProjectEditing.CREATE,
				ids("id", input.id(), "companyId", input.companyId(), "productIds", input.productIds()), "id",
				input.id(), caller -> projects.createProject(caller, input));
		return reads.project(id).orElseThrow();
	}

	@MutationMapping
	Project updateProject(@Argument ProjectUpdate input) {
		String id = write(ProjectEditing.UPDATE, ids("id", input.id(), "productIds", input.productIds()),
				caller -> projects.updateProject(caller, input));
		return reads.project(id).orElseThrow();
	}

	@MutationMapping
	Project changeProjectStatus(@Argument ProjectStatusChange input) {
		String id = write(ProjectEditing.CHANGE_STATUS, ids("id", input.id(), "status", input.status()),
				caller -> projects.changeStatus(caller, input));
		return reads.project(id).orElseThrow();
	}

	@MutationMapping
	Platform createPlatform(@Argument NewPlatform input) {
		String id = write(PlatformEditing.CREATE,
				ids("id", input.id(), "chainIds", input.chainIds(), "segmentIds", input.segmentIds()), "id", input.id(),
				caller -> platforms.createPlatform(caller, input));
		return reads.platform(id).orElseThrow();
	}

	@MutationMapping
	Platform updatePlatform(@Argument PlatformUpdate input) {
		String id = write(PlatformEditing.UPDATE, ids("id", input.id()),
				caller -> platforms.updatePlatform(caller, input));
		return reads.platform(id).orElseThrow();
	}

	@MutationMapping
	Target setTarget(@Argument TargetInput input) {
		String id = write(TargetEditing.OPERATION,
				ids("id", input.id(), "chainId", input.chainId(), "productId", input.productId()), "id", input.id(),
				caller -> targets.setTarget(caller, input));
		return targetLookup.byId(id).orElseThrow();
	}

	@MutationMapping
	SupplyLink addSupplyLink(@Argument SupplyLinkInput input) {
		return write(SupplyEditing.ADD, linkIds(input), caller -> supplies.add(caller, input));
	}

	@MutationMapping
	SupplyLink removeSupplyLink(@Argument SupplyLinkInput input) {
		return write(SupplyEditing.REMOVE, linkIds(input), caller -> supplies.remove(caller, input));
	}

	@MutationMapping
	Lead createLead(@Argument NewLead input) {
		String id = write(LeadEditing.CREATE,
				ids("id", input.id(), "companyId", input.companyId(), "ownerUnitId", input.ownerUnitId()), "id",
				input.id(), caller -> leads.createLead(caller, input));
		return leadReads.lead(id).orElseThrow();
	}

	@MutationMapping
	Lead moveLead(@Argument LeadMove input) {
		String id = write(LeadEditing.MOVE, ids("id", input.id(), "stage", input.stage()),
				caller -> leads.moveLead(caller, input));
		return leadReads.lead(id).orElseThrow();
	}

	@MutationMapping
	Lead addLeadContact(@Argument LeadContactInput input) {
		String id = write(LeadEditing.CONTACT, ids("leadId", input.leadId()),
				caller -> leads.addContact(caller, input));
		return leadReads.lead(id).orElseThrow();
	}

	@MutationMapping
	Lead dropLead(@Argument LeadDrop input) {
		String id = write(LeadEditing.DROP, ids("id", input.id()), caller -> leads.dropLead(caller, input));
		return leadReads.lead(id).orElseThrow();
	}

	private static List<String> linkIds(SupplyLinkInput input) {
		return ids("supplierId", input.supplierId(), "customerId", input.customerId(), "productId", input.productId());
	}

	private <T> T write(String operation, List<String> ids, Function<Caller, T> action) {
		return write(operation, ids, "id", null, action);
	}

	/**
	 * Runs a write. {@code idField} names the input whose id a write creating something
	 * may find taken by another write committed at the same moment: the store's
	 * uniqueness constraint refuses the later one, which is the caller's input to change,
	 * not a server error.
	 */
	private <T> T write(String operation, List<String> ids, String idField, String id, Function<Caller, T> action) {
		Caller caller = Caller.current();
		try {
			try {
				return TransientRetry.run(operation, () -> action.apply(caller));
			}
			catch (RuntimeException ex) {
				if (isUniquenessClash(ex)) {
					throw new BadArgument(idField, (id == null ? "(the id made for it)" : "'" + id.strip() + "'")
							+ " was taken by another write at the same moment; nothing was written: change it with "
							+ "the update, or choose another id");
				}
				throw ex;
			}
		}
		catch (BadArgument | NotFound | NotAuthenticated | NotPermitted ex) {
			log.warn("Refused {} by {} on {}: {}", operation, caller.describe(), ids, loggable(ex.getMessage()));
			throw ex;
		}
		catch (RuntimeException ex) {
			log.warn("Failed {} by {} on {}: {}", operation, caller.describe(), ids, loggable(ex.toString()));
			throw ex;
		}
	}

	private static boolean isUniquenessClash(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof Neo4jException neo4j && UNIQUENESS.equals(neo4j.code())) {
				return true;
			}
		}
		return false;
	}

	/** The ids a write names, for the log: bounded and on one line, whatever was sent. */
	static List<String> ids(Object... namesAndValues) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				ids.add(namesAndValues[i] + "=" + loggable(String.valueOf(namesAndValues[i + 1])));
			}
		}
		return ids;
	}

	static String loggable(String text) {
		if (text == null) {
			return null;
		}
		String line = text.replaceAll("\\p{Cntrl}", " ");
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}

}
