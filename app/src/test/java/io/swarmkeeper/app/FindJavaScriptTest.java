package io.swarmkeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/find-java.sh}, which {@code ./swarmkeeper} and {@code ./run-tests} use to pick a
 * JDK 21 or newer: JAVA_HOME first, then {@code java} on PATH. Fake JDKs that only report a
 * version stand in for real ones. (The last resort, /usr/lib/jvm, is whatever this machine has.)
 */
class FindJavaScriptTest {
    static final Path SCRIPT = ScriptRun.script("find-java.sh");

    @TempDir
    Path dir;

    /** A directory laid out like a JDK whose bin/java reports {@code version} as the real one does. */
    Path fakeJdk(String name, String version) throws IOException {
        Path java = Files.createDirectories(dir.resolve(name).resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.resolve(name);
    }

    /** What find_java sets JAVA to, given JAVA_HOME and a PATH that starts with {@code pathJdk}'s bin. */
    String chosenJava(Path javaHome, Path pathJdk) throws Exception {
        return ScriptRun.output(SCRIPT, "find_java && echo \"$JAVA\"",
                Map.of("JAVA_HOME", javaHome.toString(), "PATH", pathJdk.resolve("bin") + ":/usr/bin:/bin"));
    }

    @Test
    void java_home_wins_when_it_is_21_or_newer() throws Exception {
        Path home = fakeJdk("home", "25");
        Path onPath = fakeJdk("path", "21");

        assertThat(chosenJava(home, onPath)).isEqualTo(home.resolve("bin/java").toString());
    }

    @Test
    void a_java_home_older_than_21_is_passed_over_for_java_on_the_path() throws Exception {
        Path home = fakeJdk("home", "17");
        Path onPath = fakeJdk("path", "21");

        assertThat(chosenJava(home, onPath)).isEqualTo(onPath.resolve("bin/java").toString());
    }
}
