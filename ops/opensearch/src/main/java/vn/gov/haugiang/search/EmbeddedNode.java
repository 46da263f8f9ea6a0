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
 *
 * Alone, it is a single-node cluster "portal-test" (the test suite). ops/stack.sh makes three of
 * them one cluster with these environment variables:
 *   OPENSEARCH_CLUSTER_NAME, OPENSEARCH_NODE_NAME, OPENSEARCH_TRANSPORT_PORT (default HTTP_PORT + 100),
 *   OPENSEARCH_SEED_HOSTS (comma-separated host:transport_port of the other nodes) and
 *   OPENSEARCH_INITIAL_MANAGERS (node names that elect the first cluster manager).
 */
public final class EmbeddedNode {

    private EmbeddedNode() {}

    /** Node's plugin-list constructor is protected: this subclass only opens it. */
    private static final class PortalNode extends Node {
        PortalNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedNode HOME_DIR HTTP_PORT");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int httpPort = Integer.parseInt(args[1]);
        String seedHosts = env("OPENSEARCH_SEED_HOSTS", "");
        Settings.Builder builder = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", env("OPENSEARCH_CLUSTER_NAME", "portal-test"))
            .put("node.name", env("OPENSEARCH_NODE_NAME", "portal-test"))
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", Integer.parseInt(env("OPENSEARCH_TRANSPORT_PORT", String.valueOf(httpPort + 100))))
            // A shared build machine's disk may be fuller than OpenSearch's watermarks.
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        if (seedHosts.isEmpty()) {
            builder.put("discovery.type", "single-node");
        } else {
            builder.putList("discovery.seed_hosts", List.of(seedHosts.split(",")));
            builder.putList(
                "cluster.initial_cluster_manager_nodes", List.of(env("OPENSEARCH_INITIAL_MANAGERS", "").split(","))
            );
        }
        Settings settings = builder.build();
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
