package io.swarmkeeper.server;

import java.lang.reflect.Constructor;
import java.util.function.Function;

/**
 * Finds a transport compiled only on JDK 22 or newer (over linux-net) by its factory's class name,
 * so that everything else still builds and runs on JDK 21.
 */
public final class OptionalTransport {
    private OptionalTransport() {}

    /**
     * The factory, or null: built on JDK 21 (no such class), linux-net missing from the class path,
     * or the factory says it cannot run here (its {@code name} is null).
     */
    public static <F> F find(String className, Class<F> type, Function<F, String> name) {
        if (Runtime.version().feature() < 22) {
            return null;
        }
        try {
            Constructor<?> make = Class.forName(className).getDeclaredConstructor();
            // The factories are package-private, beside the code that uses them.
            make.setAccessible(true);
            F factory = type.cast(make.newInstance());
            return name.apply(factory) == null ? null : factory;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Why {@code factory} (what {@link #find} gave) is missing, for an error naming the setting; null if it is there. */
    public static String unavailableReason(Object factory) {
        if (Runtime.version().feature() < 22) {
            return "needs a JDK 22 or newer (this is " + Runtime.version().feature() + ")";
        }
        return factory == null ? "needs Linux on x86_64 or aarch64, and this build's linux-net module" : null;
    }
}
