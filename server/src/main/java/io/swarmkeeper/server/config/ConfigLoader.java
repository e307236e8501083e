package io.swarmkeeper.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the configuration from four layers, each overriding the one before: the commented
 * defaults file (also what {@code config defaults} prints), a YAML file, {@code SWARMKEEPER_*}
 * environment variables, and command-line overrides. Unknown keys are errors, so a typo never
 * silently leaves a default in force.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "defaults.yaml";
    private static final String ENV_PREFIX = "SWARMKEEPER_";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** The defaults file, comments and all. */
    public static String defaultsText() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TrackerConfig defaults() {
        return load(null, Map.of(), Map.of());
    }

    /**
     * @param file a YAML file, or null
     * @param environment usually {@code System.getenv()}; only {@code SWARMKEEPER_*} entries are read
     * @param overrides dotted key paths to values (lists as {@code List<String>}) from flags
     */
    public TrackerConfig load(Path file, Map<String, String> environment, Map<String, Object> overrides) {
        ObjectNode tree = parse(defaultsText(), "defaults");
        if (file != null) {
            merge(tree, parse(read(file), file.toString()), "");
        }
        applyEnvironment(tree, environment);
        overrides.forEach((path, value) -> set(tree, path, toNode(value), "flag"));
        TrackerConfig config = bind(tree);
        ConfigValidator.validate(config);
        return config;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("--config", "no such file: " + file);
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private ObjectNode parse(String text, String source) {
        try {
            JsonNode node = yaml.readTree(text);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(source, "must be a YAML mapping of sections (udp, http, announce)");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "not valid YAML at line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage());
        }
    }

    /** Copies {@code source} over {@code target}, refusing keys the defaults do not have. */
    private static void merge(ObjectNode target, JsonNode source, String prefix) {
        if (!source.isObject()) {
            throw new ConfigException(prefix.isEmpty() ? "config" : prefix, "must be a mapping");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                throw new ConfigException(key, "unknown key");
            }
            if (existing.isObject()) {
                merge((ObjectNode) existing, field.getValue(), key);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void applyEnvironment(ObjectNode tree, Map<String, String> environment) {
        for (String path : leafPaths(tree, "")) {
            String name = ENV_PREFIX + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            String value = environment.get(name);
            if (value != null) {
                JsonNode current = at(tree, path);
                JsonNode node = current.isArray() ? toNode(splitList(value)) : TextNode.valueOf(value.trim());
                set(tree, path, node, name);
            }
        }
    }

    private static List<String> splitList(String value) {
        return value.isBlank() ? List.of()
                : List.of(value.split(",")).stream().map(String::trim).collect(Collectors.toList());
    }

    private static List<String> leafPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject()) {
                paths.addAll(leafPaths(field.getValue(), path));
            } else {
                paths.add(path);
            }
        });
        return paths;
    }

    private static JsonNode at(ObjectNode tree, String path) {
        JsonNode node = tree;
        for (String part : path.split("\\.")) {
            node = node.get(part);
            if (node == null) {
                throw new ConfigException(path, "unknown key");
            }
        }
        return node;
    }

    private static void set(ObjectNode tree, String path, JsonNode value, String source) {
        at(tree, path);
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? tree : (ObjectNode) at(tree, path.substring(0, dot));
        parent.set(path.substring(dot + 1), value);
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof List<?> list) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            list.forEach(item -> array.add(String.valueOf(item)));
            return array;
        }
        return TextNode.valueOf(String.valueOf(value));
    }

    private TrackerConfig bind(ObjectNode tree) {
        try {
            return yaml.treeToValue(tree, TrackerConfig.class);
        } catch (JsonMappingException e) {
            String key = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new ConfigException(key.isEmpty() ? "config" : key, "wrong type: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ConfigException("config", firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
