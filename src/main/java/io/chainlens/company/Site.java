package io.chainlens.company;

/** A place where a company makes things. */
public record Site(String id, String name, String companyId, String region, String district, String source) {
}
