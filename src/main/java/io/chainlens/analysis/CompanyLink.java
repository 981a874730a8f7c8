package io.chainlens.analysis;

import io.chainlens.chain.Product;
import io.chainlens.company.Company;

/**
 * A supply link of a company with another: the other company, the product that flows, the
 * other company's role, and whether the link is derived from FEEDS (POTENTIAL) or
 * recorded (OBSERVED).
 */
public record CompanyLink(Company company, Product product, Direction direction, Kind kind, String source) {

	/** The other company's role. */
	public enum Direction {

		SUPPLIER, CUSTOMER

	}

	/**
	 * POTENTIAL: derived from FEEDS between local sites; OBSERVED: a SUPPLIES link in the
	 * data.
	 */
	public enum Kind {

		OBSERVED, POTENTIAL

	}

}
