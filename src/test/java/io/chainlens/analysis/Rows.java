package io.chainlens.analysis;

import java.util.List;

import org.assertj.core.api.Assertions;

/**
 * The analysis results as the tests read them from the GraphQL responses (documents in
 * graphql-test/).
 */
final class Rows {

	private Rows() {
	}

	record Ref(String id) {
	}

	record GapRow(Ref chain, Ref product, Ref segment, String kind, double severity, Double localCapacity,
			Double localDemand, String unit, Double selfSufficiency, String action, String scenario, boolean complete,
			int sitesWithUnknownCapacity, int companiesAffected, List<Ref> targets, String explanation,
			String capacityBound, String demandBound, String selfSufficiencyBound, Double sourcedCapacity,
			Double estimatedCapacity, Double estimateShare, int unknownCapacityProducers) {

		String productId() {
			return product.id();
		}

	}

	record DemandRow(Ref product, Double perUnit, Double consumerCapacity, Double demand, int siteCount,
			int sitesWithUnknownCapacity, List<Ref> consumers, String bound) {
	}

	record BalanceRow(Ref product, Double localCapacity, Double localDemand, Double selfSufficiency, int producerCount,
			String unit, String scenario, double yieldedCapacity, int siteCount, int sitesWithUnknownCapacity,
			int consumerSitesWithUnknownCapacity, boolean complete, List<Ref> producers, List<Ref> consumers,
			List<DemandRow> demandBy, String capacityBound, String demandBound, String selfSufficiencyBound,
			Double sourcedCapacity, Double estimatedCapacity, Double estimateShare, int unknownCapacityProducers) {
	}

	record CompanyRef(String id, String nameZh, boolean local) {
	}

	record CandidateRow(CompanyRef company, Ref product, double score, Double capacity, Double capacityScore,
			double relatedness, double ties, List<String> reasons, Boolean attractable, String notAttractableReason,
			String summary, List<String> breakdown, RegionRef headquarters, List<String> siteRegions) {
	}

	record RegionRef(String nameZh) {
	}

	static GapRow gap(List<GapRow> gaps, String productId, String kind) {
		return gaps.stream()
			.filter(g -> g.productId().equals(productId) && g.kind().equals(kind))
			.findFirst()
			.orElseGet(() -> Assertions.fail("no " + kind + " gap for " + productId + " in "
					+ gaps.stream().map(g -> g.kind() + " " + g.productId()).toList()));
	}

	static BalanceRow balance(List<BalanceRow> rows, String productId) {
		return rows.stream()
			.filter(r -> r.product().id().equals(productId))
			.findFirst()
			.orElseGet(() -> Assertions.fail("no balance row for " + productId));
	}

}
