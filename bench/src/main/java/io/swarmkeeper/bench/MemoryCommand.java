package io.swarmkeeper.bench;

import io.swarmkeeper.bench.memory.FillPlan;
import io.swarmkeeper.bench.memory.MemoryReport;
import io.swarmkeeper.bench.memory.ProcessMemory;
import io.swarmkeeper.bench.memory.StoreFill;
import io.swarmkeeper.bench.memory.UdpFiller;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Fills a running tracker with distinct IPv4 peers over UDP and reports bytes per peer:",
                "resident set (--pid) and, for a JVM, heap after a full GC (jcmd). Sends only to --target.",
                "With --store instead, fills Swarmkeeper's in-memory store in this process and weighs it",
                "(heap after GC, JOL). Exit code 1 if any reply failed validation or the tracker holds",
                "a different number of peers than sent."})
final class MemoryCommand implements Callable<Integer> {
    private static final Duration MAX_DURATION = Duration.ofHours(1);

    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "HOST:PORT", converter = Target.class,
            description = "The tracker's UDP address, e.g. 127.0.0.1:6969 (IPv4: the peers are IPv4).")
    InetSocketAddress target;

    @Option(names = "--store", description = "Measure the in-memory store in this process instead of a tracker.")
    boolean store;

    @Option(names = "--no-graph", description = "With --store: skip JOL's object-graph walk (slow at 5M peers).")
    boolean noGraph;

    @Option(names = "--classes", description = "With --store: print JOL's bytes per class.")
    boolean classes;

    @Option(names = "--pid", defaultValue = "-1",
            description = "The tracker's process, for its resident set (and heap, if a JVM).")
    long pid;

    @Option(names = "--name", defaultValue = "tracker",
            description = "What to call the target in the summary. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--peers", defaultValue = "1000000", description = "Distinct peers. Default: ${DEFAULT-VALUE}.")
    int peers;

    @Option(names = "--torrents", defaultValue = "100000",
            description = "Torrents, each peer in one chosen uniformly. Default: ${DEFAULT-VALUE}.")
    int torrents;

    @Option(names = "--seeders", defaultValue = "10",
            description = "Percent of peers that seed (left = 0). Default: ${DEFAULT-VALUE}.")
    int seederPercent;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the torrent set (as for bench whitelist). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--sources", defaultValue = "0",
            description = "Source addresses (127.2.0.1 up), one socket each. Default: max(64, peers / 32768).")
    int sources;

    @Option(names = "--window", defaultValue = "512",
            description = "Announces in flight in all, split across sources. Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(names = "--numwant", defaultValue = "5",
            description = "Peers asked for per announce (replies are checked). Default: ${DEFAULT-VALUE}.")
    int numwant;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10m", converter = DurationConverter.class,
            description = "Give up the fill after this long (at most 1h). Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--json", description = "Print the result as one JSON object instead of the summary line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        LoadOptions.require(cl, store != (target != null), "give either --target or --store");
        LoadOptions.require(cl, duration.compareTo(MAX_DURATION) <= 0 && !duration.isZero(),
                "--duration must be 1ms..1h");
        LoadOptions.require(cl, numwant >= 0 && numwant <= 200, "--numwant must be 0..200");
        int sourceCount = sources > 0 ? sources : FillPlan.defaultSources(peers);
        LoadOptions.require(cl, window >= sourceCount && window / sourceCount <= 256,
                "--window must be at least --sources and at most 256 per source");
        FillPlan plan;
        try {
            plan = new FillPlan(peers, torrents, sourceCount, seederPercent, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (store) {
            StoreFill.Result result = StoreFill.measure(plan, !noGraph);
            System.out.println(json ? MemoryReport.json(result) : MemoryReport.line(result));
            if (classes && !json) {
                System.out.print(MemoryReport.classTable(result));
            }
            return result.totals().peers() == peers ? 0 : 1;
        }
        boolean jvm = pid >= 0 && ProcessMemory.isJvm(pid);
        long rssBefore = pid >= 0 ? ProcessMemory.residentBytes(pid) : -1;
        long heapBefore = jvm ? ProcessMemory.heapUsedAfterFullGc(pid) : -1;
        long rssBeforeGc = jvm ? ProcessMemory.residentBytes(pid) : -1;
        UdpFiller filler = new UdpFiller(target, plan, window / sourceCount, numwant, System.err);
        UdpFiller.FillResult fill = filler.fill(duration);
        UdpFiller.Count count = filler.count(Duration.ofMinutes(2));
        long rssAfter = pid >= 0 ? ProcessMemory.residentBytes(pid) : -1;
        long heapAfter = jvm ? ProcessMemory.heapUsedAfterFullGc(pid) : -1;
        long rssAfterGc = jvm ? ProcessMemory.residentBytes(pid) : -1;
        MemoryReport.Tracker report = new MemoryReport.Tracker(name, target.toString(), peers, torrents, fill, count,
                pid, rssBefore, rssAfter, heapBefore, heapAfter, rssBeforeGc, rssAfterGc);
        System.out.println(json ? MemoryReport.json(report) : MemoryReport.line(report));
        return report.ok() ? 0 : 1;
    }
}
