package io.swarmkeeper.protocol.bencode;

/** The input is not strict bencode; the message names the first problem and its offset. */
public final class DecodeException extends Exception {
    public DecodeException(String message, int offset) {
        super(message + " at offset " + offset, null, false, false);
    }
}
