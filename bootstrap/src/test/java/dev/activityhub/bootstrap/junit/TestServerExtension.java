package dev.activityhub.bootstrap.junit;

import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Supplier;

/**
 * The HTTP tests' server: one {@link TestServer} (real server, H2, admin token) per test class, started before the
 * class's own {@code @BeforeAll} methods and closed after the class. It fills the class's static fields of type
 * {@link TestServer} and {@link HttpJson} (its OpenAPI-checked client), so a test class only declares them:
 * <pre>{@code
 * @ExtendWith(TestServerExtension.class)
 * class LeadsApiTest {
 *     private static TestServer server;
 *     private static HttpJson http;
 * }</pre>
 * A class that needs another configuration registers it instead:
 * {@code @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.with(() -> Config...);}.
 * Unlike the public {@link ActivityHubExtension} (the harness for client suites, emptied before every test), the
 * server keeps its data for the whole class, and tests reach its internals (clock, database).
 */
public final class TestServerExtension implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestServerExtension.class);

    private final Supplier<Config> config;

    /** The default test configuration ({@link Config#forTests}). */
    public TestServerExtension() {
        this(() -> Config.forTests(TestServer.ADMIN_TOKEN));
    }

    private TestServerExtension(Supplier<Config> config) {
        this.config = config;
    }

    public static TestServerExtension with(Supplier<Config> config) {
        return new TestServerExtension(config);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestServer server = TestServer.start(config.get());
        context.getStore(NAMESPACE).put(TestServer.class, server);
        inject(context.getRequiredTestClass(), server, server.http());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestServer server = context.getStore(NAMESPACE).remove(TestServer.class, TestServer.class);
        if (server != null) {
            inject(context.getRequiredTestClass(), null, null);
            server.close();
        }
    }

    private static void inject(Class<?> testClass, TestServer server, HttpJson http) {
        List<Field> fields = ReflectionSupport.findFields(testClass, f -> Modifier.isStatic(f.getModifiers())
                        && !Modifier.isFinal(f.getModifiers())
                        && (f.getType() == TestServer.class || f.getType() == HttpJson.class),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            try {
                field.setAccessible(true);
                field.set(null, field.getType() == TestServer.class ? server : http);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + field, e);
            }
        }
    }
}
