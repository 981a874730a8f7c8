package io.chainlens.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain map's layout in headless Chromium, for every chain: a segment's products read
 * along FEEDS, no edge is drawn through a product it does not link, and neither the panel
 * nor the legend hides a node. Positions and paths are cytoscape's own, read in the page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// its own app and embedded database, closed after the class
@DirtiesContext
class MapLayoutPageTest {

	/**
	 * Every node's box in page coordinates, its label included, beside the map's and the
	 * panel's boxes; a node outside the map's box is clipped away, so it is not seen.
	 */
	private static final String BOXES = """
			const cy = window.chainlensMap;
			const map = document.getElementById('map').getBoundingClientRect();
			const rect = (r) => ({ x1: r.left, y1: r.top, x2: r.right, y2: r.bottom });
			const panel = document.getElementById('panel');
			return {
			  map: rect(map),
			  panel: panel.hidden ? null : rect(panel.getBoundingClientRect()),
			  legend: rect(document.querySelector('.legend').getBoundingClientRect()),
			  zoom: cy.zoom(),
			  nodes: cy.nodes().map((n) => {
			    const b = n.renderedBoundingBox();
			    return { id: n.id(), x1: map.left + b.x1, y1: map.top + b.y1, x2: map.left + b.x2, y2: map.top + b.y2 };
			  }),
			};""";

	/**
	 * The edges that run through the body of a product or other chain's product that is
	 * neither their source nor their target: each drawn leg (from the source's border
	 * through the bends to the target's border) sampled every rendered pixel. Segment
	 * boxes are left out: every edge between two columns crosses them.
	 */
	private static final String EDGES_THROUGH_NODES = """
			const cy = window.chainlensMap;
			const bodies = cy.nodes('.product, .ghost').map((n) => {
			  const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
			  // touching a box's border is not passing through it
			  return { id: n.id(), x1: b.x1 + 1, y1: b.y1 + 1, x2: b.x2 - 1, y2: b.y2 - 1 };
			});
			const through = [];
			let checked = 0;
			cy.edges().forEach((e) => {
			  const curve = e.pstyle('curve-style').value;
			  if (curve !== 'straight' && curve !== 'segments') {
			    through.push(e.id() + ' is drawn as a ' + curve + ' curve, which this test does not follow');
			    return;
			  }
			  const points = [e.renderedSourceEndpoint(),
			    ...(curve === 'segments' ? e.renderedSegmentPoints() : []), e.renderedTargetEndpoint()];
			  checked += 1;
			  for (let i = 1; i < points.length; i++) {
			    const a = points[i - 1];
			    const b = points[i];
			    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y)));
			    for (const body of bodies) {
			      if (body.id === e.source().id() || body.id === e.target().id()) {
			        continue;
			      }
			      for (let s = 0; s <= steps; s++) {
			        const x = a.x + ((b.x - a.x) * s) / steps;
			        const y = a.y + ((b.y - a.y) * s) / steps;
			        if (x > body.x1 && x < body.x2 && y > body.y1 && y < body.y2) {
			          through.push(e.id() + ' through ' + body.id);
			          break;
			        }
			      }
			    }
			  }
			});
			return { checked, through: [...new Set(through)] };""";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	GraphQlClient api;

	MapPage page;

	@BeforeEach
	void api() {
		this.page = new MapPage(browser, this.port);
		this.api = this.page.api();
	}

	@Test
	void productsInsideASegmentFollowTheirFeedsFromTopToBottom() {
		int pairs = 0;
		for (String chain : chainIds()) {
			this.page.open("/?chain=" + chain);
			Map<String, Number> ys = browser.script(
					"const ys = {}; window.chainlensMap.nodes('.product').forEach((n) => { ys[n.id()] = n.position('y'); });"
							+ " return ys;");
			Map<String, String> segmentOf = drawnSegments(chain);
			for (Map<String, Object> product : products(chain)) {
				String source = (String) product.get("id");
				for (Map<String, Object> link : list(product.get("outputs"))) {
					String target = (String) map(link.get("product")).get("id");
					if (source.equals(target) || !segmentOf.get(source).equals(segmentOf.get(target))) {
						continue;
					}
					pairs++;
					assertThat(ys.get(source).doubleValue())
						.as("%s: %s feeds %s in segment %s, so it is drawn above it", chain, source, target,
								segmentOf.get(source))
						.isLessThan(ys.get(target).doubleValue());
				}
			}
		}
		assertThat(pairs).as("FEEDS edges inside a segment, over all chains").isPositive();

		// the carbon-fibre column reads as the fibre is made
		this.page.open("/?chain=carbon-fibre");
		List<String> column = browser.script("""
				return window.chainlensMap.getElementById('segment:carbon-fibre-cf-materials').children()
				  .sort((a, b) => a.position('y') - b.position('y')).map((n) => n.data('nameZh'));""");
		assertThat(column).containsExactly("丙烯腈", "聚丙烯腈原丝", "碳纤维(含大丝束)");
	}

	@Test
	void noEdgeIsDrawnThroughAProductItDoesNotLink() throws IOException {
		for (String chain : chainIds()) {
			// node sizes follow the scenario's capacities, label sizes the language
			for (String view : List.of("&scenario=CURRENT", "&scenario=PLANNED", "&scenario=CURRENT&lang=en")) {
				String what = chain + view;
				this.page.open("/?chain=" + chain + view);
				Map<String, Object> found = browser.script(EDGES_THROUGH_NODES);
				assertThat(((Number) found.get("checked")).intValue()).as("%s: edges checked", what)
					.isEqualTo(browser.<Number>script("return window.chainlensMap.edges().length").intValue())
					.isPositive();
				assertThat((List<?>) found.get("through")).as("%s: edges through a node", what).isEmpty();
			}
			// a picture of each chain, to look at
			this.page.open("/?chain=" + chain);
			Files.write(Browser.SCREENSHOTS.resolve("MapLayoutPageTest-chain-" + chain + ".png"),
					browser.driver().getScreenshotAs(OutputType.BYTES));
		}
	}

	@Test
	void openingAndClosingThePanelRefitsTheMapAroundEveryNode() throws IOException {
		try {
			for (Dimension size : List.of(new Dimension(1600, 1000), new Dimension(1366, 768))) {
				browser.driver().manage().window().setSize(size);
				String what = "pv at " + size.getWidth() + "×" + size.getHeight();
				this.page.open("/?chain=pv");
				String rightmost = browser.script("""
						return window.chainlensMap.nodes('.product').max((n) => n.position('x')).ele.id();""");
				// the click zooms in on the node first, as a user would before clicking
				// it
				this.page.clickNode(rightmost);
				browser.waiting()
					.until(ExpectedConditions.visibilityOfElementLocated(
							By.cssSelector(".product-panel[data-product-id='" + rightmost + "']")));
				Map<String, Object> open = browser.script(BOXES);
				assertThat(open.get("panel")).as("the panel").isNotNull();
				assertThat(box(open.get("map")).x2()).as("the map ends where the panel begins")
					.isLessThanOrEqualTo(box(open.get("panel")).x1());
				assertEveryNodeInsideTheMap(open, what + " with the panel open");
				assertNoNodeUnderTheLegend(open, what + " with the panel open");
				Files.write(Browser.SCREENSHOTS.resolve("MapLayoutPageTest-panel-open-" + size.getWidth() + ".png"),
						browser.driver().getScreenshotAs(OutputType.BYTES));

				browser.driver().findElement(By.id("panel-close")).click();
				browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("panel")));
				Map<String, Object> closed = browser.script(BOXES);
				assertEveryNodeInsideTheMap(closed, what + " after the panel closed");
				assertThat(((Number) closed.get("zoom")).doubleValue()).as("the wider map draws the chain larger")
					.isGreaterThan(((Number) open.get("zoom")).doubleValue());
			}
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1600, 1000));
		}
	}

	@Test
	void theLegendLiesOverNoNode() {
		for (String chain : chainIds()) {
			this.page.open("/?chain=" + chain);
			Map<String, Object> boxes = browser.script(BOXES);
			assertThat(box(boxes.get("legend")).y2() - box(boxes.get("legend")).y1()).as("the legend is shown")
				.isPositive();
			assertEveryNodeInsideTheMap(boxes, chain);
			assertNoNodeUnderTheLegend(boxes, chain);
		}
	}

	private static void assertEveryNodeInsideTheMap(Map<String, Object> boxes, String what) {
		Box map = box(boxes.get("map"));
		List<String> outside = new ArrayList<>();
		for (Map<String, Object> node : list(boxes.get("nodes"))) {
			Box b = box(node);
			// a pixel of rounding
			if (b.x1() < map.x1() - 1 || b.y1() < map.y1() - 1 || b.x2() > map.x2() + 1 || b.y2() > map.y2() + 1) {
				outside.add(node.get("id") + " " + b + " outside " + map);
			}
		}
		assertThat(outside).as("%s: nodes not inside the map's box", what).isEmpty();
		assertThat(list(boxes.get("nodes"))).as("%s: nodes", what).isNotEmpty();
	}

	private static void assertNoNodeUnderTheLegend(Map<String, Object> boxes, String what) {
		Box legend = box(boxes.get("legend"));
		assertThat(list(boxes.get("nodes"))).as("%s: nodes under the legend", what)
			.filteredOn(node -> box(node).overlaps(legend))
			.isEmpty();
	}

	private List<String> chainIds() {
		return this.api.documentName("chains")
			.retrieveSync("chains")
			.toEntityList(Map.class)
			.stream()
			.map(chain -> (String) chain.get("id"))
			.toList();
	}

	private List<Map<String, Object>> segments(String chain) {
		return this.api.documentName("chainLayout")
			.variable("chainId", chain)
			.retrieveSync("chain.segments")
			.toEntityList(Map.class)
			.stream()
			.map(MapLayoutPageTest::map)
			.sorted(Comparator.comparingInt(segment -> ((Number) segment.get("position")).intValue()))
			.toList();
	}

	private List<Map<String, Object>> products(String chain) {
		return segments(chain).stream().flatMap(segment -> list(segment.get("products")).stream()).toList();
	}

	/**
	 * The segment a product is drawn in: the first of the chain's segments it is listed
	 * under.
	 */
	private Map<String, String> drawnSegments(String chain) {
		Map<String, String> segmentOf = new HashMap<>();
		for (Map<String, Object> segment : segments(chain)) {
			for (Map<String, Object> product : list(segment.get("products"))) {
				segmentOf.putIfAbsent((String) product.get("id"), (String) segment.get("id"));
			}
		}
		return segmentOf;
	}

	private static Box box(Object value) {
		Map<String, Object> b = map(value);
		return new Box(number(b.get("x1")), number(b.get("y1")), number(b.get("x2")), number(b.get("y2")));
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	private record Box(double x1, double y1, double x2, double y2) {

		boolean overlaps(Box other) {
			return this.x1 < other.x2 && other.x1 < this.x2 && this.y1 < other.y2 && other.y1 < this.y2;
		}

	}

}
