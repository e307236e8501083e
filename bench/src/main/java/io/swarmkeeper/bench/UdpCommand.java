package io.swarmkeeper.bench;

import io.swarmkeeper.bench.udp.UdpIo;
import io.swarmkeeper.bench.udp.UdpLoad;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "udp", mixinStandardHelpOptions = true,
        description = {"UDP (BEP 15) announce and scrape load against one tracker; sends only to --target.",
                "Exit code 1 if any reply failed validation."})
final class UdpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LoadOptions load;

    @Mixin
    IoOption io;

    @Option(names = "--target", required = true, paramLabel = "HOST:PORT", converter = Target.class,
            description = "The tracker's UDP address, e.g. 127.0.0.1:6969 or [::1]:6969.")
    InetSocketAddress target;

    @Option(names = "--sockets", defaultValue = "4",
            description = "UDP sockets, split across threads. Default: ${DEFAULT-VALUE}.")
    int sockets;

    @Option(names = "--rate", defaultValue = "0",
            description = "Requests per second at most, for latency at a set load (0: as fast as the window "
                    + "allows). Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--window", defaultValue = "128",
            description = "Requests in flight in all, split across sockets. Default: ${DEFAULT-VALUE}.")
    int window;

    @Override
    public Integer call() throws Exception {
        if (!io.usable(spec)) {
            return IoOption.UNUSABLE;
        }
        return run("udp", target, load, sockets, window, rate, io.chosen(), spec);
    }

    static int run(String mode, InetSocketAddress target, LoadOptions load, int sockets, int window, double rate,
                   UdpIo io, CommandSpec spec)
            throws Exception {
        load.validate(spec.commandLine());
        LoadOptions.require(spec.commandLine(), sockets >= load.threads, "--sockets must be at least --threads");
        LoadOptions.require(spec.commandLine(), rate >= 0, "--rate must be 0 (no limit) or more");
        LoadOptions.require(spec.commandLine(), window >= sockets && window / sockets <= 1 << 16,
                "--window must be at least --sockets and at most 65536 per socket");
        LoadOptions.require(spec.commandLine(), io.reaches(target),
                "--io packet sends on lo: the target must be an IPv4 loopback address");
        UdpLoad udp = new UdpLoad(target, load.threads, sockets, window, load.torrents, load.peers, load.numwant,
                load.scrapePercent, load.maxScrape, load.seeders, load.paretoShape, load.seed, rate, io);
        return SummaryPrinter.print(udp.run(mode, load.warmup, load.duration, System.err), load.json, System.out);
    }
}
