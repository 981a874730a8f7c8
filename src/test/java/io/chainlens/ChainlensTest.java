package io.chainlens;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.chainlens.audit.AuditTrail;

/**
 * The whole app on an embedded database, called through HTTP (MockMvc) as a client would.
 * Every test class with this annotation shares one application context, so one database
 * per test JVM. The audit trail is a spy (it behaves as it is) so that a test can make it
 * fail and see a whole write rolled back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("test")
@Import({ TestGraph.class, QueryCounter.class, SessionRecorder.class })
@ExtendWith(GraphGuard.class)
@MockitoSpyBean(types = AuditTrail.class)
public @interface ChainlensTest {

}
