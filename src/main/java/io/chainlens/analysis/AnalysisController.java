package io.chainlens.analysis;

import java.util.List;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chainlens.web.NotAvailableYet;

/**
 * The analysis fields of the contract. They answer with a clear error until the analysis
 * lands, never with made-up figures.
 */
@Controller
class AnalysisController {

	private static final String REASON = "the gap analysis is not implemented yet";

	@QueryMapping
	List<Object> gaps() {
		throw new NotAvailableYet("gaps", REASON);
	}

	@QueryMapping
	List<Object> balance() {
		throw new NotAvailableYet("balance", REASON);
	}

	@QueryMapping
	List<Object> candidates() {
		throw new NotAvailableYet("candidates", REASON);
	}

	@QueryMapping
	Object impact() {
		throw new NotAvailableYet("impact", REASON);
	}

	@SchemaMapping(typeName = "Chain", field = "localSupportRate")
	Double localSupportRate() {
		throw new NotAvailableYet("localSupportRate", REASON);
	}

	@SchemaMapping(typeName = "Company", field = "suppliers")
	List<Object> suppliers() {
		throw new NotAvailableYet("suppliers", REASON);
	}

	@SchemaMapping(typeName = "Company", field = "customers")
	List<Object> customers() {
		throw new NotAvailableYet("customers", REASON);
	}

}
