package io.swarmkeeper.server.config;

/** A configuration problem, worded as the one line a user needs: the key and what is wrong. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
    }
}
