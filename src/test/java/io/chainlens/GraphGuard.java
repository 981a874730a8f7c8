package io.chainlens;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After each test, checks whether it changed the shared graph, so that the next test gets
 * the graph it asks for even when a writing test forgot to say so.
 */
class GraphGuard implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		SpringExtension.getApplicationContext(context).getBean(TestGraph.class).checkUnchanged();
	}

}
