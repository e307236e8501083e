package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.core.AnnounceReply;
import io.swarmkeeper.core.PeerSink;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.ScrapeReply;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.http.AnnounceQueryParser;
import io.swarmkeeper.protocol.http.AnnounceReplyWriter;
import io.swarmkeeper.protocol.http.RequestHead;
import io.swarmkeeper.protocol.http.RequestHeadParser;
import io.swarmkeeper.protocol.http.ScrapeQueryParser;
import io.swarmkeeper.protocol.http.ScrapeRequest;

/**
 * Everything one request needs, owned by one event loop and reused for every request it serves,
 * so that answering allocates nothing but the pooled output buffer.
 */
final class HttpWorkspace {
    final RequestHead head = new RequestHead();
    final RequestHeadParser headParser;
    final AnnounceQueryParser announceParser = new AnnounceQueryParser();
    final ScrapeQueryParser scrapeParser = new ScrapeQueryParser();
    final AnnounceRequest announce = new AnnounceRequest();
    final AnnounceReply announceReply = new AnnounceReply();
    final ScrapeRequest scrape;
    final ScrapeReply scrapeReply = new ScrapeReply();
    final AnnounceReplyWriter replyWriter = new AnnounceReplyWriter();
    final ClientAddress client = new ClientAddress();
    final ForwardedAddress forwarded;
    final Counting counting;
    /**
     * The array holding the request being answered, whose offsets {@link #head} records: the
     * transport's own when its buffer has one, else {@link #requestCopy}.
     */
    byte[] request;
    /** Where a request in a direct buffer is copied for parsing, as far as the head parser may read. */
    final byte[] requestCopy;
    /** The answer {@link HttpExchange} made last; its transport writes and releases it. */
    ByteBuf response;
    /** The store writes picked peers here, and so straight into the reply buffer. */
    final PeerSink sink = new PeerSink() {
        @Override
        public void ipv4(int address, int port) {
            replyWriter.ipv4(address, port);
        }

        @Override
        public void ipv4(long[] peers, int count) {
            replyWriter.ipv4(peers, count);
        }

        @Override
        public void ipv6(long addressHigh, long addressLow, int port) {
            replyWriter.ipv6(addressHigh, addressLow, port);
        }
    };

    HttpWorkspace(int maxRequestLine, int maxHeaders, int scrapeMaxHashes, TrustedProxies proxies,
                  RequestCounters counters) {
        counting = new Counting(counters);
        headParser = new RequestHeadParser(maxRequestLine, maxHeaders);
        requestCopy = new byte[RequestHeadParser.maxHead(maxRequestLine, maxHeaders)];
        scrape = new ScrapeRequest(scrapeMaxHashes);
        forwarded = new ForwardedAddress(proxies);
    }
}
