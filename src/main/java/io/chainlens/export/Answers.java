package io.chainlens.export;

import java.util.List;

/**
 * The API's answers to the operations of {@code export/gaps-export.graphql}, field for
 * field.
 */
final class Answers {

	private Answers() {
	}

	record RegionName(String nameZh) {
	}

	record UnitName(String nameZh) {
	}

	record ChainRef(String id, String nameZh, String name, List<UnitName> leadUnits) {
	}

	record ChangeAt(String at) {
	}

	record ChainsAnswer(RegionName focusRegion, List<ChainRef> chains) {
	}

	record GapsAnswer(RegionName focusRegion, ChainRef chain, List<ChangeAt> changes, List<GapData> gaps) {
	}

	record SegmentRef(String nameZh, int position) {
	}

	record ProductRef(String id, String nameZh, String unit) {
	}

	record ProductionData(ProductRef product, String region, String district, String status, String source) {
	}

	record ProductData(String id, String nameZh, String name, String unit, String source,
			List<ProductionData> producers) {
	}

	record CompanyData(String id, String nameZh, String name, String source, RegionName headquarters,
			List<ProductionData> productions) {
	}

	record CandidateData(CompanyData company, ProductRef product, Double capacity, double score, List<String> reasons,
			String summary, List<String> breakdown) {
	}

	record GapData(ChainRef chain, SegmentRef segment, ProductData product, String kind, String action, double severity,
			Double localCapacity, Double localDemand, String unit, Double selfSufficiency, boolean complete,
			int sitesWithUnknownCapacity, int companiesAffected, String scenario, String explanation,
			List<CandidateData> candidates, String capacityBound, String demandBound, String selfSufficiencyBound,
			Double estimatedCapacity, Double estimateShare, int unknownCapacityProducers) {
	}

}
