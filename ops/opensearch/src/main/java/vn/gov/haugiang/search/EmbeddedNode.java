package vn.gov.haugiang.search;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch node for the test suite, bound to 127.0.0.1 only.
 *
 * The distribution's launcher refuses to run as root (CI runs as root) and its
 * minimal zip lacks analysis-common (asciifolding); an embedded node with the
 * modules on the classpath has neither problem.
 *
 * Usage: EmbeddedNode HOME_DIR HTTP_PORT
 */
public final class EmbeddedNode {

    private EmbeddedNode() {}

    /** Node's plugin-list constructor is protected: this subclass only opens it. */
    private static final class PortalNode extends Node {
        PortalNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedNode HOME_DIR HTTP_PORT");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int httpPort = Integer.parseInt(args[1]);
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "portal-test")
            .put("node.name", "portal-test")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", httpPort + 100)
            // A shared build machine's disk may be fuller than OpenSearch's watermarks.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
        LogConfigurator.configureWithoutConfig(settings);
        Node node = new PortalNode(
            new Environment(settings, null),
            List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class)
        );
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        node.start();
        System.out.println("OpenSearch listening on http://127.0.0.1:" + httpPort);
        Thread.currentThread().join();
    }
}
