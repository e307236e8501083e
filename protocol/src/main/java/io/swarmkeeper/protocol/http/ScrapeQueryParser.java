package io.swarmkeeper.protocol.http;

import io.swarmkeeper.protocol.InfoHash;

/** Parses a BEP 48 scrape query: any number of {@code info_hash} values up to the request's capacity. */
public final class ScrapeQueryParser {
    private static final byte[] INFO_HASH = HeadBytes.ascii("info_hash");

    private final QueryCursor cursor = new QueryCursor();
    private final byte[] value = new byte[InfoHash.LENGTH];

    /**
     * @param a the request's bytes; the query is {@code a[from, to)}
     * @return {@code null} when {@code request} holds the hashes (none means a full scrape), else why not
     */
    public HttpFailure parse(byte[] a, int from, int to, ScrapeRequest request) {
        request.clear();
        cursor.reset(a, from, to);
        while (cursor.next()) {
            if (!cursor.keyIs(INFO_HASH)) {
                continue;
            }
            int n = cursor.decodeValue(value);
            if (n == QueryCursor.BAD_ENCODING) {
                return HttpFailure.BAD_PERCENT_ENCODING;
            }
            if (n != InfoHash.LENGTH) {
                return HttpFailure.INVALID_INFO_HASH;
            }
            if (!request.add(InfoHash.high(value, 0), InfoHash.middle(value, 0), InfoHash.low(value, 0))) {
                return HttpFailure.TOO_MANY_INFO_HASHES;
            }
        }
        return null;
    }
}
