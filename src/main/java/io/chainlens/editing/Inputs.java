package io.chainlens.editing;

import java.util.List;

import io.chainlens.pipeline.LeadStage;

/**
 * The input types of the mutations, as the schema declares them. Null is "not given"; the
 * services check every field before anything is looked up or written.
 */
final class Inputs {

	private Inputs() {
	}

	record CapacityInput(String companyId, String productId, String region, Double capacity, String unit, Status status,
			String source, String siteId, Integer year, String note) {
	}

	record NewCompany(String id, String nameZh, String name, List<String> aliases, String headquarters, String chainId,
			String source, String note) {
	}

	record CompanyUpdate(String id, String nameZh, String name, List<String> aliases, String headquarters,
			String source, String note) {
	}

	record NewSite(String companyId, String region, String id, String nameZh, String source, String note) {
	}

	record NewProject(String id, String nameZh, String name, String companyId, List<String> productIds, Double capacity,
			String unit, Status status, String region, Integer item, String source, String note) {
	}

	record ProjectUpdate(String id, String nameZh, String name, String companyId, List<String> productIds,
			Double capacity, String unit, String region, Integer item, String source, String note) {
	}

	record ProjectStatusChange(String id, Status status, String source, String note) {
	}

	record NewPlatform(String id, String nameZh, String name, String kind, List<String> chainIds,
			List<String> segmentIds, List<String> operatorIds, String region, Status status, Integer item,
			String source, String note) {
	}

	record PlatformUpdate(String id, String nameZh, String name, String kind, List<String> chainIds,
			List<String> segmentIds, List<String> operatorIds, String region, Status status, Integer item,
			String source, String note) {
	}

	record TargetInput(String id, String chainId, String productId, String metric, Double value, String unit,
			Integer year, Integer item, String source, String note) {
	}

	record LeadProductInput(String productId, Double capacity, String unit) {
	}

	record LeadCompanyInput(String id, String nameZh, String name, String headquarters) {
	}

	record NewLead(String id, String title, String companyId, LeadCompanyInput newCompany,
			List<LeadProductInput> products, String ownerUnitId, Double investment, LeadStage stage, String on,
			String region, String source, String note) {
	}

	record LeadMove(String id, LeadStage stage, String on, String siteId, Double investment, String note,
			String source) {
	}

	record LeadContactInput(String leadId, String on, String who, String agreed, String nextStep, String due) {
	}

	record LeadDrop(String id, String reason, String on) {
	}

	record SupplyLinkInput(String supplierId, String customerId, String productId, String source, String note) {
	}

}
