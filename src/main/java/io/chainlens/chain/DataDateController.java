package io.chainlens.chain;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class DataDateController {

	private final DataDate dataDate;

	DataDateController(DataDate dataDate) {
		this.dataDate = dataDate;
	}

	@QueryMapping
	String dataDate() {
		return dataDate.get().toString();
	}

}
