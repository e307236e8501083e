package io.swarmkeeper.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.RequestCounters.Family;
import io.swarmkeeper.core.RequestCounters.Kind;
import io.swarmkeeper.core.RequestCounters.Outcome;
import io.swarmkeeper.core.RequestCounters.Protocol;
import io.swarmkeeper.core.SwarmTotals;
import io.swarmkeeper.core.Tracker;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What /stats and /metrics show: swarm totals and request counts, read only when asked, so
 * observing costs the hot path nothing. Owns a Prometheus registry with the tracker's meters
 * bound to it; the application may add its own meters (JVM, UDP) to {@link #registry()}.
 */
public final class TrackerStats {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tracker tracker;
    private final RequestCounters counters;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public TrackerStats(Tracker tracker, RequestCounters counters) {
        this.tracker = tracker;
        this.counters = counters;
        gauge("swarmkeeper.torrents", "Torrents with at least one peer", SwarmTotals::torrents);
        gauge("swarmkeeper.seeders", "Peers that have the whole torrent", SwarmTotals::seeders);
        gauge("swarmkeeper.leechers", "Peers still downloading", SwarmTotals::leechers);
        Gauge.builder("swarmkeeper.peers", this, s -> s.tracker.totals().peersIpv4())
                .description("Peers in all swarms").tag("family", "ipv4").register(registry);
        Gauge.builder("swarmkeeper.peers", this, s -> s.tracker.totals().peersIpv6())
                .description("Peers in all swarms").tag("family", "ipv6").register(registry);
        for (Protocol protocol : Protocol.values()) {
            for (Family family : Family.values()) {
                for (Kind kind : Kind.values()) {
                    for (Outcome outcome : Outcome.values()) {
                        FunctionCounter.builder("swarmkeeper.requests", counters,
                                        c -> c.sum(protocol, family, kind, outcome))
                                .description("Requests answered")
                                .tags("protocol", lower(protocol), "family", lower(family), "kind", lower(kind),
                                        "outcome", lower(outcome))
                                .register(registry);
                    }
                }
            }
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String prometheusText() {
        return registry.scrape();
    }

    /**
     * The /stats document: totals, then request counts nested protocol → family → kind → outcome,
     * all names in lower case.
     */
    public ObjectNode json() {
        SwarmTotals totals = tracker.totals();
        ObjectNode root = JSON.createObjectNode();
        root.put("torrents", totals.torrents());
        root.put("peers", totals.peers());
        root.put("seeders", totals.seeders());
        root.put("leechers", totals.leechers());
        root.put("peersIpv4", totals.peersIpv4());
        root.put("peersIpv6", totals.peersIpv6());
        ObjectNode requests = root.putObject("requests");
        for (Protocol protocol : Protocol.values()) {
            ObjectNode byProtocol = requests.putObject(lower(protocol));
            for (Family family : Family.values()) {
                ObjectNode byFamily = byProtocol.putObject(lower(family));
                for (Kind kind : Kind.values()) {
                    ObjectNode byKind = byFamily.putObject(lower(kind));
                    for (Outcome outcome : Outcome.values()) {
                        byKind.put(lower(outcome), counters.sum(protocol, family, kind, outcome));
                    }
                }
            }
        }
        return root;
    }

    public byte[] jsonBytes() {
        try {
            return JSON.writeValueAsBytes(json());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers always serialises", e);
        }
    }

    private void gauge(String name, String description, ToDoubleFunction<SwarmTotals> value) {
        Gauge.builder(name, this, s -> value.applyAsDouble(s.tracker.totals())).description(description).register(registry);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
