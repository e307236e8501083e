package io.swarmkeeper.protocol.udp;

/**
 * Answers whether a connection id was issued to the sender of the packet being decoded. The
 * transport implements it (it knows the sender and the secret); the codec asks it before reading
 * anything past the header, so that the sendability of every later error means "the sender proved
 * it receives at its address".
 */
@FunctionalInterface
public interface ConnectionIdCheck {
    boolean isValid(long connectionId);
}
