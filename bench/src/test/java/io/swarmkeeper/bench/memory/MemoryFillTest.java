package io.swarmkeeper.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.SwarmTotals;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemoryFillTest {
    private static final int PEERS = 20_000;
    private static final int TORRENTS = 2_000;

    private static FillPlan plan() {
        return new FillPlan(PEERS, TORRENTS, FillPlan.defaultSources(PEERS), 10, 1);
    }

    private static long plannedSeeders(FillPlan plan) {
        long seeders = 0;
        for (int p = 0; p < plan.peers(); p++) {
            if (plan.isSeeder(p)) {
                seeders++;
            }
        }
        return seeders;
    }

    @Test
    void a_plan_gives_every_peer_its_own_source_address_and_port() {
        FillPlan plan = new FillPlan(1_000, 10, 8, 10, 1);
        java.util.Set<Long> identities = new java.util.HashSet<>();
        for (int p = 0; p < plan.peers(); p++) {
            identities.add((long) plan.sourceAddress(plan.source(p)) << 16 | plan.port(p));
            assertThat(plan.port(p)).isBetween(1, 65_535);
            assertThat(plan.torrent(p)).isBetween(0, 9);
        }
        assertThat(identities).hasSize(1_000);
    }

    @Test
    void a_plan_refuses_more_peers_than_its_sources_have_ports() {
        assertThatThrownBy(() -> new FillPlan(100_000, 10, 1, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filling_the_store_stores_every_peer_sent_once() {
        FillPlan plan = plan();
        InMemorySwarmStore store = new InMemorySwarmStore(3600);
        StoreFill.fill(store, plan);
        StoreFill.fill(store, plan); // announcing again refreshes, never duplicates

        SwarmTotals totals = store.totals();
        assertThat(totals.peers()).isEqualTo(PEERS);
        assertThat(totals.peersIpv4()).isEqualTo(PEERS);
        assertThat(totals.seeders()).isEqualTo(plannedSeeders(plan));
        assertThat(totals.torrents()).isBetween((long) TORRENTS - 5, (long) TORRENTS);
    }

    @Test
    void measuring_the_store_reports_its_peers_and_a_plausible_size() {
        StoreFill.Result result = StoreFill.measure(plan(), true);

        assertThat(result.totals().peers()).isEqualTo(PEERS);
        // At least the 8 bytes a packed peer takes; far below what an object per peer would cost.
        assertThat(result.graphPerPeer()).isBetween(8.0, 200.0);
        assertThat(result.classes()).extracting(StoreFill.ClassShare::name).contains("long[]", "Swarm");
    }

    @Test
    void filling_a_tracker_over_udp_stores_every_peer_and_scrape_counts_them() throws Exception {
        try (StoreTracker tracker = new StoreTracker()) {
            FillPlan plan = plan();
            UdpFiller filler = new UdpFiller(tracker.address(), plan, 4, 5, null);

            UdpFiller.FillResult fill = filler.fill(Duration.ofSeconds(20));
            UdpFiller.Count count = filler.count(Duration.ofSeconds(10));

            assertThat(fill.firstError()).isNull();
            assertThat(fill.timedOut()).isFalse();
            assertThat(fill.answered()).isEqualTo(PEERS);
            assertThat(tracker.store.totals().peers()).isEqualTo(PEERS);
            assertThat(count.peers()).isEqualTo(PEERS);
            assertThat(count.seeders()).isEqualTo(plannedSeeders(plan));
            assertThat(count.errors()).isZero();
        }
    }

    @Test
    void a_reply_with_more_peers_than_asked_for_is_an_error() throws Exception {
        try (StoreTracker tracker = new StoreTracker()) {
            tracker.oneTooMany = true;
            UdpFiller filler = new UdpFiller(tracker.address(), new FillPlan(200, 20, 4, 10, 1), 4, 5, null);

            UdpFiller.FillResult fill = filler.fill(Duration.ofSeconds(10));

            assertThat(fill.errors()).isEqualTo(200);
            assertThat(fill.firstError()).contains("peers for numwant 5");
        }
    }
}
