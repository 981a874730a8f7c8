package io.chainlens.company;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.chainlens.web.BadArgument;
import io.chainlens.web.Connection;
import io.chainlens.web.GraphQlLimits;

@Controller
class CompanyPagesController {

	private final CompanyPages pages;

	private final GraphQlLimits limits;

	CompanyPagesController(CompanyPages pages, GraphQlLimits limits) {
		this.pages = pages;
		this.limits = limits;
	}

	@QueryMapping
	Connection<Company> companies(@Argument CompanyPages.Filter filter, @Argument CompanyPages.Order orderBy,
			@Argument Integer first, @Argument String after) {
		return pages.page(filter, orderBy == null ? CompanyPages.Order.NAME : orderBy,
				limits.checkFirst(first == null ? 20 : first), after);
	}

	@QueryMapping
	Connection<Company> searchCompaniesConnection(@Argument String text, @Argument Integer first,
			@Argument String after) {
		if (text == null || text.isBlank()) {
			throw new BadArgument("text", "must not be empty");
		}
		if (text.length() > 200) {
			throw new BadArgument("text", "must be at most 200 characters");
		}
		return pages.search(text, limits.checkFirst(first == null ? 20 : first), after);
	}

	@QueryMapping
	List<CompanyPages.Group> companyAggregate(@Argument CompanyPages.Filter filter,
			@Argument CompanyPages.GroupBy groupBy, @Argument String level, @Argument Integer first) {
		return pages.aggregate(filter, groupBy, level == null ? "PROVINCE" : level,
				limits.checkFirst(first == null ? 50 : first));
	}

}
