package io.chainlens.analysis;

import java.util.List;

import io.chainlens.chain.Product;
import io.chainlens.company.Company;

/**
 * What loses local supply if a company's local sites stop (断链 risk).
 *
 * @param affectedProducts balances, without the company, of the products whose local
 * supply drops while other local companies consume them
 * @param affectedCompanies other local companies downstream of those products, within the
 * configured hops
 * @param affectedGroupUnits the company's own group units among those reached: the stop
 * reaches them too, but they are not other companies
 * @param before the same products' balances with the company
 * @param steps how each affected company is reached
 */
public record Impact(Company company, List<ProductBalance> affectedProducts, List<Company> affectedCompanies,
		Scenario scenario, List<ProductBalance> before, List<Step> steps, String explanation,
		List<Company> affectedGroupUnits) {

	/**
	 * A local company reached at a hop: it makes product from input, whose local supply
	 * is at risk.
	 */
	public record Step(int hop, Company company, Product product, Product input) {
	}

}
