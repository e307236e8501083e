package io.swarmkeeper.bench;

import io.swarmkeeper.bench.udp.UdpTransport;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code nio} or {@code epoll} in any case. */
final class TransportConverter implements ITypeConverter<UdpTransport> {
    @Override
    public UdpTransport convert(String value) {
        try {
            return UdpTransport.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not nio or epoll");
        }
    }
}
