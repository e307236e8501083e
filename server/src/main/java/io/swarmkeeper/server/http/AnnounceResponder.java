package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.core.AnnouncePolicy;
import io.swarmkeeper.core.AnnounceReply;
import io.swarmkeeper.core.RequestCounters.Kind;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.http.AnnounceReplyWriter;
import io.swarmkeeper.protocol.http.HttpFailure;
import io.swarmkeeper.protocol.http.RequestHead;
import io.swarmkeeper.protocol.http.ResponseHead;

/** Answers /announce: query → request holder → tracker → peers written straight into the reply. */
final class AnnounceResponder {
    private final Tracker tracker;
    private final AnnouncePolicy policy;
    private final boolean allowClientIp;

    AnnounceResponder(Tracker tracker, boolean allowClientIp) {
        this.tracker = tracker;
        this.policy = tracker.policy();
        this.allowClientIp = allowClientIp;
    }

    ByteBuf respond(ReplyBuffers replies, HttpWorkspace w, boolean keepAlive) {
        RequestHead head = w.head;
        AnnounceRequest request = w.announce;
        ClientAddress client = w.client;
        HttpFailure failure = w.announceParser.parse(w.request, head.queryFrom, head.queryTo, request);
        if (failure != null) {
            w.counting.count(client.family(), Kind.ANNOUNCE, false);
            return FailureResponses.response(replies, failure, keepAlive);
        }
        setPeerAddress(request, client);
        // HTTP has no packet to fit; numwant-max is the only cap, for both families.
        int maxPeers = policy.numwant(request.numwant);
        ByteBuf out = replies.get(ResponseHead.RESERVE + AnnounceReplyWriter.maxBodySize(maxPeers, request.compact));
        out.writerIndex(ResponseHead.RESERVE);
        AnnounceReplyWriter writer = w.replyWriter;
        writer.begin(out, maxPeers, request.compact);
        if (client.ipv6) {
            writer.externalIpv6(client.high, client.low);
        } else {
            writer.externalIpv4(client.ipv4);
        }
        AnnounceReply reply = w.announceReply;
        try {
            tracker.announce(request, policy.numwantMax(), true, w.sink, reply);
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        writer.finish(reply.interval, reply.minInterval, reply.complete, reply.incomplete, reply.downloaded);
        ResponseHead.writeBefore(out, ResponseHead.RESERVE, 200, ResponseHead.TEXT_PLAIN, keepAlive);
        w.counting.count(client.family(), Kind.ANNOUNCE, true);
        return out;
    }

    /**
     * The swarm records the address we saw, unless the operator allows clients to name their own
     * (BEP 7 {@code ipv4}/{@code ipv6}, BEP 3 {@code ip}); a claim in the connection's own family
     * is preferred, since that is the family the client evidently uses.
     */
    private void setPeerAddress(AnnounceRequest request, ClientAddress client) {
        if (allowClientIp) {
            boolean v4 = request.claimedIpv4Present;
            boolean v6 = request.claimedIpv6Present;
            if (v4 && (!client.ipv6 || !v6)) {
                request.setPeerIpv4(request.claimedIpv4);
                return;
            }
            if (v6) {
                request.setPeerIpv6(request.claimedIpv6High, request.claimedIpv6Low);
                return;
            }
        }
        if (client.ipv6) {
            request.setPeerIpv6(client.high, client.low);
        } else {
            request.setPeerIpv4(client.ipv4);
        }
    }
}
