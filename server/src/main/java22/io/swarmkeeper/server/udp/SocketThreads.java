package io.swarmkeeper.server.udp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** A thread per socket, each with its own {@link UdpAnswers}: how the listeners of java22 serve. */
final class SocketThreads {
    /** How long a closing listener may take to answer what it read. */
    private static final long STOP_MILLIS = 5_000;

    private SocketThreads() {}

    /** Starts {@code serve} on each socket in a daemon thread named {@code prefix} and the socket's index. */
    static <S> List<Thread> start(List<S> sockets, String prefix, Supplier<UdpAnswers> answers,
                                  BiConsumer<S, UdpAnswers> serve) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < sockets.size(); i++) {
            S socket = sockets.get(i);
            UdpAnswers mine = answers.get();
            threads.add(Thread.ofPlatform().daemon().name(prefix + i).unstarted(() -> serve.accept(socket, mine)));
        }
        threads.forEach(Thread::start);
        return threads;
    }

    /** Waits for each thread to stop, a while at most. */
    static void join(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join(STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
