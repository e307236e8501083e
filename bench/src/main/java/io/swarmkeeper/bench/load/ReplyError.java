package io.swarmkeeper.bench.load;

/** Why a reply failed validation; counted per kind so a summary says what went wrong, not just how often. */
public enum ReplyError {
    TOO_SHORT("reply shorter than its fixed part"),
    WRONG_LENGTH("reply length does not fit its kind"),
    UNKNOWN_TRANSACTION("transaction id matches no request in flight"),
    WRONG_ACTION("reply action differs from the request's"),
    WRONG_ENTRY_COUNT("scrape reply entries differ from the info-hashes asked"),
    TOO_MANY_PEERS("more peers than numwant"),
    NEGATIVE_COUNT("negative seeders, leechers or interval"),
    ERROR_REPLY("tracker answered with an error or failure reason"),
    BAD_STATUS("HTTP status other than 200"),
    BAD_HTTP("malformed HTTP response"),
    BAD_BENCODE("body is not a bencoded dictionary of the expected keys"),
    CONNECTION_LOST("connection closed or reset with a request in flight"),
    UNREACHABLE("target port unreachable (ICMP): nothing listens there");

    private final String text;

    ReplyError(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
