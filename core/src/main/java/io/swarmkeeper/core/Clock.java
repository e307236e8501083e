package io.swarmkeeper.core;

/** Whole seconds, injected so tests move time instead of sleeping. */
@FunctionalInterface
public interface Clock {
    long nowSeconds();

    Clock SYSTEM = () -> System.currentTimeMillis() / 1000;
}
