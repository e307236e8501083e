package io.swarmkeeper.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Any sequence of announces leaves the store counting what a plain map of peers would count. */
class SwarmStoreModelProperties {
    record Op(boolean ipv6, int port, boolean complete, int event) {}

    record PeerState(boolean seeder, boolean partial) {}

    @Property(tries = 300)
    void counts_match_a_simple_model(@ForAll("ops") @Size(max = 200) List<Op> ops) {
        SwarmStore store = new InMemorySwarmStore(3600, 4);
        Map<String, PeerState> model = new HashMap<>();
        int downloaded = 0;
        for (Op op : ops) {
            AnnounceRequest request = op.ipv6()
                    ? Announces.ipv6(1, 1, op.port(), op.complete() ? 0 : 10, op.event())
                    : Announces.ipv4(1, 0x7F000001, op.port(), op.complete() ? 0 : 10, op.event());
            String key = op.ipv6() + ":" + op.port();
            CollectingSink sink = new CollectingSink();
            store.announce(request, 50, 0, 1000, sink, new AnnounceReply());
            PeerState before = model.get(key);
            if (op.event() == AnnounceEvent.STOPPED) {
                model.remove(key);
                assertThat(sink.peers).isEmpty();
                continue;
            }
            if (op.event() == AnnounceEvent.COMPLETED && (before == null || !before.seeder())) {
                downloaded++;
            }
            long candidates = model.entrySet().stream()
                    .filter(e -> !e.getKey().equals(key) && e.getKey().startsWith(op.ipv6() + ":"))
                    .filter(e -> !op.complete() || (!e.getValue().seeder() && !e.getValue().partial()))
                    .count();
            assertThat(sink.peers).hasSize((int) Math.min(50, candidates));
            model.put(key, new PeerState(op.complete(), !op.complete() && op.event() == AnnounceEvent.PAUSED));
        }
        ScrapeReply counts = new ScrapeReply();
        AnnounceRequest any = Announces.ipv4(1, 0, 1, 0, 0);
        store.scrape(any.infoHashHigh, any.infoHashMiddle, any.infoHashLow, counts);
        assertThat(counts.complete).isEqualTo(model.values().stream().filter(PeerState::seeder).count());
        assertThat(counts.incomplete).isEqualTo(model.values().stream().filter(s -> !s.seeder()).count());
        assertThat(counts.downloaders).isEqualTo(model.values().stream().filter(s -> !s.seeder() && !s.partial()).count());
        assertThat(counts.downloaded).isEqualTo(downloaded);
        assertThat(store.totals().peers()).isEqualTo(model.size());
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.of(false, true),
                Arbitraries.integers().between(1, 12),
                Arbitraries.of(false, true),
                Arbitraries.of(AnnounceEvent.NONE, AnnounceEvent.STARTED, AnnounceEvent.COMPLETED,
                        AnnounceEvent.STOPPED, AnnounceEvent.PAUSED)).as(Op::new);
        return op.list();
    }
}
