package io.swarmkeeper.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void knows_every_byte_as_the_jdk_reads_hex() {
        for (int c = 0; c < 256; c++) {
            assertThat(Hex.digit((byte) c)).as("byte %d", c).isEqualTo(Character.digit((char) c, 16));
        }
    }
}
