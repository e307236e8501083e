package io.swarmkeeper.core;

/** One torrent's counts for a scrape; {@code downloaders} excludes partial seeds (BEP 21). */
public final class ScrapeReply {
    public int complete;
    public int incomplete;
    public int downloaded;
    public int downloaders;

    public void clear() {
        complete = incomplete = downloaded = downloaders = 0;
    }
}
