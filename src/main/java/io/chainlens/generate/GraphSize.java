package io.chainlens.generate;

import java.util.Locale;

/**
 * How much a generated national graph holds. Sites per company and capacities per site
 * vary around {@code sites / companies} and {@code capacities / sites}, so the totals of
 * sites and capacities are close to, not exactly, the figures asked for.
 *
 * @param regions cities added below the seed's provinces
 * @param companies companies, exactly
 * @param sites about this many sites
 * @param products products added to the seed chains' segments
 * @param capacities about this many capacity rows
 */
public record GraphSize(int regions, int companies, int sites, int products, int capacities) {

	public static final GraphSize LARGE = new GraphSize(300, 200_000, 400_000, 3_000, 1_200_000);

	public static final GraphSize SMALL = new GraphSize(30, 5_000, 10_000, 300, 30_000);

	public GraphSize {
		if (regions < 1 || companies < 1 || products < 1 || sites < companies || capacities < sites) {
			throw new IllegalArgumentException(
					"a graph size needs at least one region, company and product, a site per company and a capacity per site, not "
							+ this);
		}
	}

	/**
	 * LARGE, SMALL, or five numbers {@code regions,companies,sites,products,capacities}.
	 */
	public static GraphSize parse(String text) {
		switch (text.strip().toUpperCase(Locale.ROOT)) {
			case "LARGE":
				return LARGE;
			case "SMALL":
				return SMALL;
			default:
				String[] parts = text.split(",");
				if (parts.length != 5) {
					throw new IllegalArgumentException(
							"size must be LARGE, SMALL or regions,companies,sites,products,capacities, not '" + text
									+ "'");
				}
				try {
					return new GraphSize(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
							Integer.parseInt(parts[2].strip()), Integer.parseInt(parts[3].strip()),
							Integer.parseInt(parts[4].strip()));
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("size numbers must be whole numbers, not '" + text + "'", ex);
				}
		}
	}

}
